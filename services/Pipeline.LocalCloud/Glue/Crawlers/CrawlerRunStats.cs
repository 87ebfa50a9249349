namespace Pipeline.LocalCloud.Glue.Crawlers;

/// <summary>Run times of recent crawls (seconds, oldest first) and the table counts of the last finished one.</summary>
internal sealed record CrawlerRunStats
{
    public List<double> RecentRuntimes { get; init; } = [];

    public int TablesCreated { get; init; }

    public int TablesUpdated { get; init; }

    public int TablesDeleted { get; init; }
}
