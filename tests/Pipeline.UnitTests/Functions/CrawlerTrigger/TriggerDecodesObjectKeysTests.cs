namespace Pipeline.UnitTests.Functions.CrawlerTrigger;

/// <summary>Keys arrive URL-encoded ('+' for a space, %3D for '='); they are decoded before the raw prefix is matched.</summary>
public sealed class TriggerDecodesObjectKeysTests
{
    [Theory]
    [InlineData("raw/vehicle_telemetry/year%3D2026/month%3D11/day%3D22/hour%3D05/a.gz", TriggerFixture.VehicleCrawler)]
    [InlineData("raw/vehicle_telemetry/year=2026/month=11/day=22/hour=05/a.gz", TriggerFixture.VehicleCrawler)]
    [InlineData("raw/clickstream/year=2026/month=11/day=22/hour=05/my+file+%281%29.gz", TriggerFixture.ClickstreamCrawler)]
    [InlineData("raw%2Fclickstream%2Fyear%3D2026%2Fpart.gz", TriggerFixture.ClickstreamCrawler)]
    public async Task An_encoded_key_under_a_raw_prefix_starts_its_datasets_crawler(string encodedKey, string crawler)
    {
        var fixture = new TriggerFixture();

        var outcome = await fixture.Starter.ProcessAsync(FunctionEvents.Batch(FunctionEvents.S3Message("m-1", encodedKey, TriggerFixture.Now)), CancellationToken.None);

        Assert.Equal([crawler], fixture.Glue.StartedCrawlers);
        Assert.Empty(outcome.Response.BatchItemFailures);
    }

    [Theory]
    [InlineData("raw/vehicle+telemetry/year=2026/a.gz")]
    [InlineData("errors/clickstream/processing-failed/year=2026/a.gz")]
    [InlineData("stage/clickstream/vendor=x/event_date=2026-11-22/a.parquet")]
    [InlineData("raw/clickstreamx/a.gz")]
    public async Task A_key_that_decodes_outside_every_raw_prefix_starts_nothing(string encodedKey)
    {
        var fixture = new TriggerFixture();

        var outcome = await fixture.Starter.ProcessAsync(FunctionEvents.Batch(FunctionEvents.S3Message("m-1", encodedKey, TriggerFixture.Now)), CancellationToken.None);

        Assert.Empty(fixture.Glue.Calls);
        Assert.Empty(outcome.Response.BatchItemFailures);
    }

    [Fact]
    public void A_plus_decodes_to_a_space_and_an_encoded_plus_to_a_plus()
    {
        var record = Pipeline.CrawlerTrigger.Triggering.S3Notification.Read(
            FunctionEvents.S3Message("m", "raw/a+b%2Bc%3D1.gz", TriggerFixture.Now)["body"]!.GetValue<string>()).Records[0];

        Assert.Equal("raw/a b+c=1.gz", record.S3.Object.DecodedKey);
    }
}
