using System.Net;
using Pipeline.Aws.Glue;
using Pipeline.UnitTests.Aws.Fakes;

namespace Pipeline.UnitTests.Aws;

/// <summary>GetCrawler reads LastCrawl.Status in any case, and a status outside the model as unknown instead of failing.</summary>
public sealed class GlueLastCrawlStatusTests
{
    [Theory]
    [InlineData("SUCCEEDED", LastCrawlStatus.Succeeded)]
    [InlineData("Failed", LastCrawlStatus.Failed)]
    [InlineData("CANCELLED", LastCrawlStatus.Cancelled)]
    [InlineData("RUNNING", null)]
    public async Task The_last_crawl_status_reads_tolerantly(string status, LastCrawlStatus? expected)
    {
        var clients = new AwsTestClients();
        clients.Handler.ThenJson(HttpStatusCode.OK, """{"Crawler":{"Name":"c","State":"RUNNING","CrawlElapsedTime":1500,"LastCrawl":{"Status":""" + "\"" + status + "\"" + ""","StartTime":1.7e9}}}""");
        var glue = new GlueClient(clients.Options());

        var crawler = await glue.GetCrawlerAsync("c");

        Assert.Equal(expected, crawler.LastCrawl!.Status);
        Assert.Equal(CrawlerState.Running, crawler.State);
        Assert.Equal(1500, crawler.CrawlElapsedTime);
    }
}
