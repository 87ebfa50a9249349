using Pipeline.AppHostTests.Infrastructure;

namespace Pipeline.AppHostTests.Resources;

/// <summary>A burst sent with the generator's command goes the whole way: Firehose, S3, crawl, ETL, SNS.</summary>
[Collection(RunningPipelineCollection.Name)]
public sealed class BurstEndsInANotificationTests(RunningPipeline pipeline)
{
    [Fact]
    public async Task The_job_notifications_account_for_every_record_of_the_burst()
    {
        var notifications = await pipeline.BurstNotificationsAsync();

        Assert.Contains("[pipeline] clickstream ETL SUCCEEDED", notifications, StringComparison.Ordinal);
        Assert.Equal(RunningPipeline.BurstRecords, RunningPipeline.ClickstreamRowsWritten(notifications));
    }
}
