using Pipeline.Aws.Glue;
using Pipeline.EndToEndTests.Infrastructure;

namespace Pipeline.EndToEndTests.Faults;

/// <summary>
/// LocalCloud killed while the raw crawler is RUNNING (the crawler trigger has started it and deleted its SQS
/// messages, so nothing would start it again). Started again, LocalCloud crawls again, as AWS finishes a crawl a
/// service fault interrupted; the crawl's Succeeded event starts the ETL and the records reach stage once. The
/// repeated crawl may end before the test provisions again, so this needs EventBridge rules that survive a restart.
/// </summary>
public sealed class KillDuringCrawlTests
{
    [Fact]
    public async Task A_crawl_cut_off_is_crawled_again_and_its_records_reach_stage_once()
    {
        await using var scenario = await FaultScenario.RunAsync("CrawlRunning", 400);

        await scenario.AssertStageHoldsEveryRecordOnceAsync(TimeSpan.FromSeconds(90));
        await scenario.AssertNothingStuckAsync(TimeSpan.FromSeconds(30));
        var crawler = await scenario.Cloud.Clients().CreateGlue().GetCrawlerAsync(scenario.Pipeline.Names.RawCrawler(FaultScenario.Dataset));
        Assert.Equal(LastCrawlStatus.Succeeded, crawler.LastCrawl?.Status);
    }
}
