using System.Text.Json;
using Pipeline.LocalCloud.Glue.Crawlers.Crawling;
using Pipeline.UnitTests.Support;

namespace Pipeline.UnitTests.LocalCloud.Glue.Crawls;

/// <summary>Glue Crawler State Change events carry exactly the detail members of AWS's reference events, every value a string.</summary>
public sealed class CrawlerEventTests : IDisposable
{
    private readonly CrawlerHarness _harness = new();

    [Fact]
    public async Task A_successful_crawl_emits_Started_then_Succeeded_shaped_like_AWS()
    {
        await _harness.SetUpAsync();
        await _harness.PutFixtureAsync("raw/clicks/year=2026/month=01/a.json.gz", "clicks-a.json");
        await _harness.PutFixtureAsync("raw/clicks/year=2026/month=02/a.json.gz", "clicks-a.json");

        await _harness.CrawlAsync();
        var events = _harness.Bus.Events.ToList();

        Assert.Equal(2, events.Count);
        Assert.All(events, e =>
        {
            Assert.Equal("aws.glue", e.Source);
            Assert.Equal("Glue Crawler State Change", e.DetailType);
            Assert.All(e.Detail.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
            Assert.Equal("P-clicks-raw", e.Detail.GetProperty("crawlerName").GetString());
            Assert.Equal("123456789012", e.Detail.GetProperty("accountId").GetString());
        });
        Assert.Equal(ReferenceKeys("started"), Keys(events[0].Detail));
        Assert.Equal("Started", events[0].Detail.GetProperty("state").GetString());
        Assert.Equal("2026-03-04T05:06:07Z", events[0].Detail.GetProperty("startTime").GetString());
        Assert.Equal(ReferenceKeys("succeeded"), Keys(events[1].Detail));
        Assert.Equal("Succeeded", events[1].Detail.GetProperty("state").GetString());
        Assert.Equal("1", events[1].Detail.GetProperty("tablesCreated").GetString());
        Assert.Equal("2", events[1].Detail.GetProperty("partitionsCreated").GetString());
        Assert.Equal("0", events[1].Detail.GetProperty("runningTime (sec)").GetString());
        Assert.Equal("2026-03-04T05:06:07Z", events[1].Detail.GetProperty("completionDate").GetString());
    }

    [Fact]
    public async Task A_failed_crawl_emits_Failed_with_the_error_message()
    {
        await _harness.SetUpAsync(CrawlerHarness.Definition() with { DatabaseName = "nowhere" });

        var crawler = await _harness.CrawlAsync();
        var failed = _harness.Bus.Events.Last().Detail;

        Assert.Equal(ReferenceKeys("failed"), Keys(failed));
        Assert.Equal("Failed", failed.GetProperty("state").GetString());
        Assert.Equal("Crawler Failed", failed.GetProperty("message").GetString());
        Assert.Equal(crawler.LastCrawl!.ErrorMessage, failed.GetProperty("errorMessage").GetString());
        Assert.EndsWith("group=/aws-glue/crawlers;stream=P-clicks-raw", failed.GetProperty("cloudWatchLogLink").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_succeeded_detail_counts_and_running_time_are_whole_numbers_as_strings()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var detail = _harness.Events.Succeeded("c", start, start.AddSeconds(7.4), new CrawlCounts { TablesUpdated = 1, PartitionsCreated = 20, PartitionsDeleted = 3 });

        Assert.Equal("7", detail.RunningTimeSeconds);
        Assert.Equal("1", detail.TablesUpdated);
        Assert.Equal("20", detail.PartitionsCreated);
        Assert.Equal("3", detail.PartitionsDeleted);
        Assert.Equal("N/A", detail.WarningMessage);
    }

    public void Dispose() => _harness.Dispose();

    private static string[] Keys(JsonElement detail) => [.. detail.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    private static string[] ReferenceKeys(string state)
    {
        using var reference = JsonDocument.Parse(File.ReadAllText(ReferenceFiles.Path("events", $"glue-crawler-state-change-{state}.json")));
        return Keys(reference.RootElement.GetProperty("detail"));
    }
}
