namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>RecrawlPolicy.RecrawlBehavior: read every folder, or only folders that are not partitions yet (CRAWL_EVENT_MODE crawls everything here).</summary>
internal enum RecrawlBehavior
{
    CrawlEverything,
    CrawlNewFoldersOnly,
}
