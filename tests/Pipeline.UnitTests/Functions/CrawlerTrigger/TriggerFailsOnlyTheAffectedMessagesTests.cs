using Microsoft.Extensions.Logging;

namespace Pipeline.UnitTests.Functions.CrawlerTrigger;

/// <summary>A failure for one dataset fails that dataset's messages only; an unreadable body goes to the DLQ path.</summary>
public sealed class TriggerFailsOnlyTheAffectedMessagesTests
{
    [Fact]
    public async Task A_StartCrawler_error_fails_only_that_datasets_messages()
    {
        var fixture = new TriggerFixture();
        fixture.Glue.StartCrawlerError = name => name == TriggerFixture.VehicleCrawler
            ? FakeGlueClient.Error("StartCrawler", "EntityNotFoundException", $"Crawler entry with name {name} does not exist")
            : null;
        var batch = FunctionEvents.Batch(
            FunctionEvents.S3Message("v-1", "raw/vehicle_telemetry/a.gz", TriggerFixture.Now),
            FunctionEvents.S3Message("c-1", "raw/clickstream/b.gz", TriggerFixture.Now),
            FunctionEvents.S3Message("v-2", "raw/vehicle_telemetry/c.gz", TriggerFixture.Now));

        var outcome = await fixture.Starter.ProcessAsync(batch, CancellationToken.None);

        Assert.Equal(["v-1", "v-2"], TriggerFixture.Failed(outcome));
        Assert.Equal([TriggerFixture.ClickstreamCrawler], outcome.StartedCrawlers);
        Assert.True(fixture.Log.Logged(LogLevel.Error, TriggerFixture.VehicleCrawler));
    }

    [Fact]
    public async Task A_network_error_fails_that_datasets_messages()
    {
        var fixture = new TriggerFixture();
        fixture.Glue.StartCrawlerError = _ => new HttpRequestException("connection refused");

        var outcome = await fixture.Starter.ProcessAsync(FunctionEvents.Batch(FunctionEvents.S3Message("v-1", "raw/vehicle_telemetry/a.gz", TriggerFixture.Now)), CancellationToken.None);

        Assert.Equal(["v-1"], TriggerFixture.Failed(outcome));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"hello\":\"world\"}")]
    [InlineData("{\"Records\":[{\"eventName\":\"ObjectCreated:Put\"}]}")]
    [InlineData("")]
    public async Task An_unreadable_body_is_failed_so_it_reaches_the_dead_letter_queue_and_logged(string body)
    {
        var fixture = new TriggerFixture();
        var batch = FunctionEvents.Batch(
            FunctionEvents.WithBody("poison", body),
            FunctionEvents.S3Message("good", "raw/clickstream/b.gz", TriggerFixture.Now));

        var outcome = await fixture.Starter.ProcessAsync(batch, CancellationToken.None);

        Assert.Equal(["poison"], TriggerFixture.Failed(outcome));
        Assert.Equal([TriggerFixture.ClickstreamCrawler], fixture.Glue.StartedCrawlers);
        Assert.True(fixture.Log.Logged(LogLevel.Error, "poison"));
    }

    [Fact]
    public async Task A_message_with_objects_of_a_failing_and_a_working_dataset_is_redelivered()
    {
        var fixture = new TriggerFixture();
        fixture.Glue.StartCrawlerError = name => name == TriggerFixture.VehicleCrawler ? new HttpRequestException("reset") : null;
        var message = FunctionEvents.S3Message("both", "raw/vehicle_telemetry/a.gz", TriggerFixture.Now);
        var body = System.Text.Json.Nodes.JsonNode.Parse(message["body"]!.GetValue<string>())!;
        var second = body["Records"]![0]!.DeepClone();
        second["s3"]!["object"]!["key"] = "raw/clickstream/b.gz";
        body["Records"]!.AsArray().Add(second);
        message["body"] = body.ToJsonString();

        var outcome = await fixture.Starter.ProcessAsync(FunctionEvents.Batch(message), CancellationToken.None);

        Assert.Equal(["both"], TriggerFixture.Failed(outcome));
        Assert.Equal([TriggerFixture.ClickstreamCrawler], fixture.Glue.StartedCrawlers);
    }
}
