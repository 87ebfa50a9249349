namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>An object the crawl reads: its key, its key below the target, and what identifies its content.</summary>
internal sealed record CrawlObject(string Bucket, string Key, string RelativeKey, long Size, string ETag)
{
    /// <summary>The folders between the target and the object.</summary>
    public string[] Folders => RelativeKey.Split('/')[..^1];
}
