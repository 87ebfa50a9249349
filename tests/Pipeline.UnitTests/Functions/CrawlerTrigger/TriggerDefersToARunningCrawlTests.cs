using Pipeline.Aws.Glue;

namespace Pipeline.UnitTests.Functions.CrawlerTrigger;

/// <summary>
/// CrawlerRunningException: objects created before the running crawl started (now − CrawlElapsedTime) are covered and
/// acknowledged; later ones are returned as batch item failures so SQS redelivers them.
/// </summary>
public sealed class TriggerDefersToARunningCrawlTests
{
    private static TriggerFixture Running(CrawlerState state, long? elapsedMilliseconds)
    {
        var fixture = new TriggerFixture();
        fixture.Glue.StartCrawlerError = name => FakeGlueClient.Error("StartCrawler", GlueErrorCodes.CrawlerRunning, $"Crawler with name {name} has already started");
        fixture.Glue.Crawler = name => new Crawler { Name = name, State = state, CrawlElapsedTime = elapsedMilliseconds };
        return fixture;
    }

    [Fact]
    public async Task Objects_created_before_the_crawl_started_are_covered_and_later_ones_redelivered()
    {
        // The crawl started 60 s ago, at 05:29:00.
        var fixture = Running(CrawlerState.Running, 60_000);
        var batch = FunctionEvents.Batch(
            FunctionEvents.S3Message("before", "raw/vehicle_telemetry/a.gz", TriggerFixture.Now.AddSeconds(-61)),
            FunctionEvents.S3Message("after", "raw/vehicle_telemetry/b.gz", TriggerFixture.Now.AddSeconds(-59)),
            FunctionEvents.S3Message("at-start", "raw/vehicle_telemetry/c.gz", TriggerFixture.Now.AddSeconds(-60)),
            FunctionEvents.S3Message("long-before", "raw/vehicle_telemetry/d.gz", TriggerFixture.Now.AddHours(-3)));

        var outcome = await fixture.Starter.ProcessAsync(batch, CancellationToken.None);

        Assert.Equal(["after", "at-start"], TriggerFixture.Failed(outcome));
        Assert.Equal([$"StartCrawler {TriggerFixture.VehicleCrawler}", $"GetCrawler {TriggerFixture.VehicleCrawler}"], fixture.Glue.Calls);
        Assert.Empty(outcome.StartedCrawlers);
    }

    [Fact]
    public async Task A_crawl_that_ended_meanwhile_covers_nothing()
    {
        var fixture = Running(CrawlerState.Ready, null);
        var batch = FunctionEvents.Batch(FunctionEvents.S3Message("old", "raw/vehicle_telemetry/a.gz", TriggerFixture.Now.AddHours(-1)));

        var outcome = await fixture.Starter.ProcessAsync(batch, CancellationToken.None);

        Assert.Equal(["old"], TriggerFixture.Failed(outcome));
    }

    [Fact]
    public async Task When_GetCrawler_fails_the_datasets_messages_are_redelivered()
    {
        var fixture = Running(CrawlerState.Running, 60_000);
        fixture.Glue.Crawler = _ => throw FakeGlueClient.Error("GetCrawler", "ThrottlingException", "Rate exceeded");
        var batch = FunctionEvents.Batch(FunctionEvents.S3Message("old", "raw/vehicle_telemetry/a.gz", TriggerFixture.Now.AddHours(-1)));

        var outcome = await fixture.Starter.ProcessAsync(batch, CancellationToken.None);

        Assert.Equal(["old"], TriggerFixture.Failed(outcome));
    }

    [Fact]
    public async Task A_message_is_covered_only_when_all_its_objects_of_the_dataset_are()
    {
        var fixture = Running(CrawlerState.Running, 60_000);
        var message = FunctionEvents.S3Message("mixed", "raw/vehicle_telemetry/a.gz", TriggerFixture.Now.AddMinutes(-5));
        var body = System.Text.Json.Nodes.JsonNode.Parse(message["body"]!.GetValue<string>())!;
        var late = body["Records"]![0]!.DeepClone();
        late["eventTime"] = TriggerFixture.Now.AddSeconds(-1).ToString("o", System.Globalization.CultureInfo.InvariantCulture);
        body["Records"]!.AsArray().Add(late);
        message["body"] = body.ToJsonString();

        var outcome = await fixture.Starter.ProcessAsync(FunctionEvents.Batch(message), CancellationToken.None);

        Assert.Equal(["mixed"], TriggerFixture.Failed(outcome));
    }
}
