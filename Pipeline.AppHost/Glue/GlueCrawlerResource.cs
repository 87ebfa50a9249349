using Aspire.Hosting.ApplicationModel;
using Pipeline.AppHost.LocalCloud;
using Pipeline.Aws;
using Pipeline.Aws.Glue;

namespace Pipeline.AppHost.Glue;

/// <summary>A dataset's raw-layer crawler: idle, crawling, and how its last crawl ended.</summary>
public sealed class GlueCrawlerResource(string name, string crawlerName, string dataset, ProjectResource cloud)
    : LocalCloudChildResource(name, crawlerName, cloud)
{
    public string Dataset { get; } = dataset;

    public override string ResourceType => "Glue crawler";

    public override async Task<ResourceReading> ReadAsync(AwsClientFactory aws, CancellationToken cancellationToken)
    {
        Crawler crawler;
        try
        {
            crawler = await aws.CreateGlue().GetCrawlerAsync(AwsName, cancellationToken);
        }
        catch (AwsServiceException e) when (e.ErrorCode == GlueErrorCodes.EntityNotFound)
        {
            return ResourceNotFound;
        }

        var last = crawler.LastCrawl?.Status;
        var state = crawler.State switch
        {
            CrawlerState.Running => new ResourceStateSnapshot("Crawling", KnownResourceStateStyles.Info),
            CrawlerState.Stopping => new ResourceStateSnapshot(KnownResourceStates.Stopping, KnownResourceStateStyles.Info),
            _ when last == LastCrawlStatus.Failed => new ResourceStateSnapshot("Last crawl failed", KnownResourceStateStyles.Error),
            _ => new ResourceStateSnapshot(KnownResourceStates.Running, KnownResourceStateStyles.Success),
        };
        return new ResourceReading(
            state,
            [
                new("aws.glue.crawler.state", crawler.State?.ToString() ?? "") { DisplayName = "Crawler state" },
                new("aws.glue.crawler.last", last?.ToString() ?? "never crawled") { DisplayName = "Last crawl" },
                new("aws.glue.crawler.last_started", crawler.LastCrawl?.StartTime?.ToString("O") ?? "") { DisplayName = "Last crawl started" },
                new("aws.glue.crawler.last_error", crawler.LastCrawl?.ErrorMessage ?? "") { DisplayName = "Last crawl error" },
            ]);
    }
}
