using Pipeline.LocalCloud.Glue.Catalog;

namespace Pipeline.LocalCloud.Glue.Crawlers;

/// <summary>Glue's crawler operations: definitions (<see cref="GlueCrawlers"/>) and crawls (<see cref="CrawlerRunner"/>).</summary>
internal sealed class CrawlerApi(GlueCrawlers crawlers, CrawlerRunner runner)
{
    private static readonly HashSet<string> Operations =
    [
        "CreateCrawler", "GetCrawler", "GetCrawlers", "ListCrawlers", "UpdateCrawler", "DeleteCrawler",
        "StartCrawler", "StopCrawler", "GetCrawlerMetrics",
    ];

    public static bool Handles(string operation) => Operations.Contains(operation);

    public async Task<CrawlerResponse> HandleAsync(string operation, CreateCrawlerRequest request, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case "CreateCrawler":
                await crawlers.CreateAsync(request, cancellationToken).ConfigureAwait(false);
                return new CrawlerResponse();
            case "GetCrawler":
                return new CrawlerResponse { Crawler = await crawlers.GetAsync(request.Name, cancellationToken).ConfigureAwait(false) };
            case "GetCrawlers":
            {
                var page = await crawlers.ListAsync(request.NextToken, request.MaxResults, cancellationToken).ConfigureAwait(false);
                return new CrawlerResponse { Crawlers = page.Items, NextToken = page.NextToken };
            }

            case "ListCrawlers":
            {
                var page = await crawlers.ListNamesAsync(request.NextToken, request.MaxResults, cancellationToken).ConfigureAwait(false);
                return new CrawlerResponse { CrawlerNames = page.Items, NextToken = page.NextToken };
            }

            case "GetCrawlerMetrics":
            {
                var page = await crawlers.MetricsAsync(request.CrawlerNameList, request.NextToken, request.MaxResults, cancellationToken).ConfigureAwait(false);
                return new CrawlerResponse { CrawlerMetricsList = page.Items, NextToken = page.NextToken };
            }

            case "UpdateCrawler":
                await crawlers.UpdateAsync(request, cancellationToken).ConfigureAwait(false);
                return new CrawlerResponse();
            case "DeleteCrawler":
                await crawlers.DeleteAsync(request.Name, cancellationToken).ConfigureAwait(false);
                return new CrawlerResponse();
            case "StartCrawler":
                await runner.StartCrawlAsync(request.Name, cancellationToken).ConfigureAwait(false);
                return new CrawlerResponse();
            case "StopCrawler":
                await runner.StopCrawlAsync(request.Name, cancellationToken).ConfigureAwait(false);
                return new CrawlerResponse();
            default:
                throw GlueErrors.InvalidInput($"{operation} is not a crawler operation.");
        }
    }
}
