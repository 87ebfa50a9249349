using System.Globalization;
using System.Text.Json;
using Pipeline.LocalCloud.Events;
using Pipeline.LocalCloud.Glue.Crawlers.Crawling;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Glue.Crawlers.Events;

/// <summary>
/// Puts <c>Glue Crawler State Change</c> events (source <c>aws.glue</c>) on the default bus: <c>Started</c>,
/// <c>Succeeded</c> and <c>Failed</c>, with the detail members AWS sends and every value a string.
/// </summary>
internal sealed class CrawlerEvents(IEventBus bus, LocalCloudOptions cloud)
{
    public const string Source = "aws.glue";

    public const string DetailType = "Glue Crawler State Change";

    public Task StartedAsync(string crawlerName, DateTimeOffset startTime, CancellationToken cancellationToken = default) =>
        PublishAsync(JsonSerializer.Serialize(Started(crawlerName, startTime), CrawlerEventJsonContext.Default.CrawlerStartedDetail), cancellationToken);

    public Task SucceededAsync(string crawlerName, DateTimeOffset startTime, DateTimeOffset completionTime, CrawlCounts counts, CancellationToken cancellationToken = default) =>
        PublishAsync(JsonSerializer.Serialize(Succeeded(crawlerName, startTime, completionTime, counts), CrawlerEventJsonContext.Default.CrawlerSucceededDetail), cancellationToken);

    public Task FailedAsync(string crawlerName, string errorMessage, CancellationToken cancellationToken = default) =>
        PublishAsync(JsonSerializer.Serialize(Failed(crawlerName, errorMessage), CrawlerEventJsonContext.Default.CrawlerFailedDetail), cancellationToken);

    internal CrawlerStartedDetail Started(string crawlerName, DateTimeOffset startTime) =>
        new(cloud.AccountId, crawlerName, Time(startTime), "Started", "Crawler Started");

    internal CrawlerSucceededDetail Succeeded(string crawlerName, DateTimeOffset startTime, DateTimeOffset completionTime, CrawlCounts counts) => new()
    {
        TablesCreated = Count(counts.TablesCreated),
        WarningMessage = "N/A",
        PartitionsUpdated = Count(counts.PartitionsUpdated),
        TablesUpdated = Count(counts.TablesUpdated),
        Message = "Crawler Succeeded",
        PartitionsDeleted = Count(counts.PartitionsDeleted),
        AccountId = cloud.AccountId,
        RunningTimeSeconds = Count((long)Math.Max(0, Math.Round((completionTime - startTime).TotalSeconds))),
        TablesDeleted = Count(counts.TablesDeleted),
        CrawlerName = crawlerName,
        CompletionDate = Time(completionTime),
        State = "Succeeded",
        PartitionsCreated = Count(counts.PartitionsCreated),
        CloudWatchLogLink = LogLink(crawlerName),
    };

    internal CrawlerFailedDetail Failed(string crawlerName, string errorMessage) =>
        new(crawlerName, errorMessage, cloud.AccountId, LogLink(crawlerName), "Failed", "Crawler Failed");

    private Task PublishAsync(string detailJson, CancellationToken cancellationToken) =>
        bus.PublishAsync(Source, DetailType, detailJson, [], cancellationToken);

    // The console link AWS puts in the event; LocalCloud keeps no crawler logs, but consumers print the link.
    private string LogLink(string crawlerName) =>
        $"https://console.aws.amazon.com/cloudwatch/home?region={cloud.Region}#logEventViewer:group={GlueCrawlers.LogGroup};stream={crawlerName}";

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
