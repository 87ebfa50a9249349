namespace Pipeline.UnitTests.Functions.CrawlerTrigger;

/// <summary>However many objects a batch holds, each dataset's crawler is started once.</summary>
public sealed class TriggerStartsOneCrawlPerDatasetTests
{
    [Fact]
    public async Task A_mixed_batch_starts_each_datasets_crawler_exactly_once()
    {
        var fixture = new TriggerFixture();
        var batch = FunctionEvents.Batch(
            FunctionEvents.S3Message("m-1", "raw/vehicle_telemetry/year=2026/month=11/day=22/hour=05/a.gz", TriggerFixture.Now),
            FunctionEvents.S3Message("m-2", "raw/clickstream/year=2026/month=11/day=22/hour=05/b.gz", TriggerFixture.Now),
            FunctionEvents.S3Message("m-3", "raw/vehicle_telemetry/year=2026/month=11/day=22/hour=05/c.gz", TriggerFixture.Now),
            FunctionEvents.S3Message("m-4", "raw/vehicle_telemetry/year=2026/month=11/day=22/hour=04/d.gz", TriggerFixture.Now),
            FunctionEvents.S3Message("m-5", "raw/clickstream/year=2026/month=11/day=22/hour=05/e.gz", TriggerFixture.Now));

        var outcome = await fixture.Starter.ProcessAsync(batch, CancellationToken.None);

        Assert.Equal([TriggerFixture.ClickstreamCrawler, TriggerFixture.VehicleCrawler], fixture.Glue.StartedCrawlers.Order(StringComparer.Ordinal));
        Assert.Equal(2, fixture.Glue.Calls.Count);
        Assert.Empty(outcome.Response.BatchItemFailures);
    }

    [Fact]
    public async Task A_message_with_records_of_two_datasets_starts_both_crawlers()
    {
        var fixture = new TriggerFixture();
        var message = FunctionEvents.S3Message("m-1", "raw/vehicle_telemetry/a.gz", TriggerFixture.Now);
        var body = System.Text.Json.Nodes.JsonNode.Parse(message["body"]!.GetValue<string>())!;
        var second = body["Records"]![0]!.DeepClone();
        second["s3"]!["object"]!["key"] = "raw/clickstream/b.gz";
        body["Records"]!.AsArray().Add(second);
        message["body"] = body.ToJsonString();

        var outcome = await fixture.Starter.ProcessAsync(FunctionEvents.Batch(message), CancellationToken.None);

        Assert.Equal([TriggerFixture.ClickstreamCrawler, TriggerFixture.VehicleCrawler], fixture.Glue.StartedCrawlers);
        Assert.Empty(outcome.Response.BatchItemFailures);
    }
}
