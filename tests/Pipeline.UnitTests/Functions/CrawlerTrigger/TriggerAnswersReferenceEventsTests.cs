using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts.Aws;
using Pipeline.Contracts.Aws.Sqs;

namespace Pipeline.UnitTests.Functions.CrawlerTrigger;

/// <summary>The AWS sample SQS/S3 events read into the contracts and get the documented answer.</summary>
public sealed class TriggerAnswersReferenceEventsTests
{
    [Fact]
    public void The_sample_SQS_event_reads_with_its_records_and_S3_body()
    {
        var batch = FunctionEvents.Sqs(FunctionEvents.ReferenceText("sqs-event-s3-notification.json"));

        var message = Assert.Single(batch.Records);
        Assert.Equal("ca3e7a89-c358-40e5-8aa0-5da01403c267", message.MessageId);
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:SQS", message.EventSourceArn);
        Assert.Equal("1", message.Attributes!["ApproximateReceiveCount"]);
        var notification = Pipeline.CrawlerTrigger.Triggering.S3Notification.Read(message.Body);
        Assert.Equal(Pipeline.CrawlerTrigger.Triggering.NotificationKind.S3Event, notification.Kind);
        var record = Assert.Single(notification.Records);
        Assert.Equal("test.pdf", record.S3.Object.Key);
        Assert.Equal("xxx", record.S3.Bucket.Name);
        Assert.Equal("ObjectCreated:Put", record.EventName);
        Assert.Equal(new DateTimeOffset(2023, 4, 12, 20, 43, 38, 21, TimeSpan.Zero), record.EventTime);
    }

    [Fact]
    public async Task An_object_outside_every_raw_prefix_is_acknowledged_and_logged_without_a_crawl()
    {
        var fixture = new TriggerFixture();

        var outcome = await fixture.Starter.ProcessAsync(FunctionEvents.Sqs(FunctionEvents.ReferenceText("sqs-event-s3-notification.json")), CancellationToken.None);

        Assert.Empty(outcome.Response.BatchItemFailures);
        Assert.Empty(fixture.Glue.Calls);
        Assert.True(fixture.Log.Logged(LogLevel.Warning, "test.pdf"));
    }

    [Fact]
    public async Task The_sample_notification_under_a_raw_prefix_starts_that_datasets_crawler()
    {
        var fixture = new TriggerFixture();
        var batch = FunctionEvents.Batch(FunctionEvents.S3Message("m-1", "raw/clickstream/year=2026/month=11/day=22/hour=05/part-1.gz", TriggerFixture.Now));

        var outcome = await fixture.Starter.ProcessAsync(batch, CancellationToken.None);

        Assert.Empty(outcome.Response.BatchItemFailures);
        Assert.Equal([TriggerFixture.ClickstreamCrawler], fixture.Glue.StartedCrawlers);
        Assert.Equal([TriggerFixture.ClickstreamCrawler], outcome.StartedCrawlers);
    }

    [Fact]
    public async Task The_sample_S3_test_event_is_acknowledged_and_ignored()
    {
        var fixture = new TriggerFixture();
        var batch = FunctionEvents.Batch(FunctionEvents.WithBody("test-1", FunctionEvents.ReferenceText("s3-test-event.json")));

        var outcome = await fixture.Starter.ProcessAsync(batch, CancellationToken.None);

        Assert.Empty(outcome.Response.BatchItemFailures);
        Assert.Empty(fixture.Glue.Calls);
        Assert.True(fixture.Log.Logged(LogLevel.Information, "test-1"));
    }

    [Fact]
    public void The_batch_response_is_written_as_the_sample_response()
    {
        var response = new SqsBatchResponse([new SqsBatchItemFailure("MessageID_1"), new SqsBatchItemFailure("MessageID_2")]);

        var written = JsonSerializer.Serialize(response, AwsEventsJson.Context.SqsBatchResponse);

        Assert.True(JsonElement.DeepEquals(
            JsonDocument.Parse(FunctionEvents.ReferenceText("sqs-batch-response.json")).RootElement,
            JsonDocument.Parse(written).RootElement));
    }
}
