namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>An object the crawl reads: its key, its key below the target, and what identifies its content.</summary>
internal sealed record CrawlObject(string Bucket, string Key, string RelativeKey, long Size, string ETag)
{
    /// <summary>The folders between the target and the object.</summary>
    public string[] Folders => RelativeKey.Split('/')[..^1];
}

/// <summary>A partition found under a target: its values in key order, its folder below the target (ending in <c>/</c>) and its objects.</summary>
internal sealed record DiscoveredPartition(IReadOnlyList<string> Values, string Folder, IReadOnlyList<CrawlObject> Objects);

/// <summary>How much data a table's crawl read.</summary>
internal sealed record DataStats(long Objects, long Bytes, long Records);
