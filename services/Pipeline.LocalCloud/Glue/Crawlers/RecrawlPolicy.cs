namespace Pipeline.LocalCloud.Glue.Crawlers;

/// <summary>Whether a crawl reads everything or only new folders (CRAWL_EVERYTHING, CRAWL_NEW_FOLDERS_ONLY, …).</summary>
internal sealed record RecrawlPolicy
{
    public string? RecrawlBehavior { get; init; }
}
