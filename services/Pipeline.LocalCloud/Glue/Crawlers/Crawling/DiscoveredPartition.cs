namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>A partition found under a target: its values in key order, its folder below the target (ending in <c>/</c>) and its objects.</summary>
internal sealed record DiscoveredPartition(IReadOnlyList<string> Values, string Folder, IReadOnlyList<CrawlObject> Objects);
