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
