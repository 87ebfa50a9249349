using Aspire.Hosting.ApplicationModel;
using Pipeline.AppHost.LocalCloud;
using Pipeline.Aws;
using Pipeline.Aws.Glue;

namespace Pipeline.AppHost.Glue;

public static class GlueExtensions
{
    /// <summary>A dataset's crawler, with a command that starts a crawl now.</summary>
    public static IResourceBuilder<GlueCrawlerResource> AddGlueCrawler(this IResourceBuilder<ProjectResource> cloud, string name, string crawlerName, string dataset)
    {
        var aws = cloud.Connection().Clients();
        return cloud.AddChild(new GlueCrawlerResource(name, crawlerName, dataset, cloud.Resource))
            .WithCommand(
                "start-crawler",
                "Start crawl",
                async context =>
                {
                    try
                    {
                        await aws.CreateGlue().StartCrawlerAsync(crawlerName, context.CancellationToken);
                        return CommandResults.Success($"{crawlerName} is crawling.");
                    }
                    catch (AwsServiceException e) when (e.ErrorCode is GlueErrorCodes.CrawlerRunning or GlueErrorCodes.EntityNotFound)
                    {
                        return CommandResults.Failure($"{e.ErrorCode}: {e.Message}");
                    }
                },
                new CommandOptions { IconName = "ArrowSync", Description = "StartCrawler: crawl the dataset's raw prefix now." });
    }

    /// <summary>A dataset's ETL job, with a command that starts a run now (its bookmark decides what it reads).</summary>
    public static IResourceBuilder<GlueJobResource> AddGlueJob(this IResourceBuilder<ProjectResource> cloud, string name, string jobName, string dataset)
    {
        var aws = cloud.Connection().Clients();
        return cloud.AddChild(new GlueJobResource(name, jobName, dataset, cloud.Resource))
            .WithCommand(
                "start-job-run",
                "Start job run",
                async context =>
                {
                    try
                    {
                        // As a manual run on AWS: the job's default arguments name the dataset.
                        var runId = await aws.CreateGlue().StartJobRunAsync(new StartJobRunRequest { JobName = jobName }, context.CancellationToken);
                        return CommandResults.Success($"{jobName} run {runId} started.");
                    }
                    catch (AwsServiceException e) when (e.ErrorCode is GlueErrorCodes.ConcurrentRunsExceeded or GlueErrorCodes.EntityNotFound)
                    {
                        return CommandResults.Failure($"{e.ErrorCode}: {e.Message}");
                    }
                },
                new CommandOptions { IconName = "Play", Description = "StartJobRun: flatten what the bookmark has not processed into stage Parquet." });
    }
}
