namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>How much data a table's crawl read.</summary>
internal sealed record DataStats(long Objects, long Bytes, long Records);
