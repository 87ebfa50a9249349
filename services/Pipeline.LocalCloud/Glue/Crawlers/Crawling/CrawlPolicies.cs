namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>A crawler's schema change and recrawl policies as enums, with Glue's defaults for unset members.</summary>
internal sealed record CrawlPolicies(UpdateBehavior Update, DeleteBehavior Delete, RecrawlBehavior Recrawl)
{
    public static CrawlPolicies Of(StoredCrawler crawler) => new(
        crawler.SchemaChangePolicy?.UpdateBehavior switch
        {
            "LOG" => UpdateBehavior.Log,
            _ => UpdateBehavior.UpdateInDatabase,
        },
        crawler.SchemaChangePolicy?.DeleteBehavior switch
        {
            "LOG" => DeleteBehavior.Log,
            "DELETE_FROM_DATABASE" => DeleteBehavior.DeleteFromDatabase,
            _ => DeleteBehavior.DeprecateInDatabase,
        },
        crawler.RecrawlPolicy?.RecrawlBehavior switch
        {
            "CRAWL_NEW_FOLDERS_ONLY" => RecrawlBehavior.CrawlNewFoldersOnly,
            _ => RecrawlBehavior.CrawlEverything,
        });
}

/// <summary>SchemaChangePolicy.UpdateBehavior: change a table whose schema changed, or only log it.</summary>
internal enum UpdateBehavior
{
    UpdateInDatabase,
    Log,
}

/// <summary>SchemaChangePolicy.DeleteBehavior: what happens to tables and partitions whose data vanished.</summary>
internal enum DeleteBehavior
{
    Log,
    DeprecateInDatabase,
    DeleteFromDatabase,
}

/// <summary>RecrawlPolicy.RecrawlBehavior: read every folder, or only folders that are not partitions yet (CRAWL_EVENT_MODE crawls everything here).</summary>
internal enum RecrawlBehavior
{
    CrawlEverything,
    CrawlNewFoldersOnly,
}
