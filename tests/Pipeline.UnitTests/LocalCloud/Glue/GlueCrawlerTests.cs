using Pipeline.LocalCloud.Glue.Crawlers;
using Pipeline.LocalCloud.Hosting;
using Pipeline.AwsShapes.Glue;

namespace Pipeline.UnitTests.LocalCloud.Glue;

/// <summary>Crawler definitions: stored READY with Glue's default policies, listed, deleted, kept across a restart.</summary>
public sealed class GlueCrawlerTests : IDisposable
{
    private readonly CatalogHarness _harness = new();

    private static CreateCrawlerRequest Request(string name) => new()
    {
        Name = name,
        Role = "arn:aws:iam::000000000000:role/crawler",
        DatabaseName = "lake",
        TablePrefix = "raw_",
        Targets = new CrawlerTargets { S3Targets = [new S3Target { Path = "s3://lake/events/", Exclusions = ["**/_tmp/**"] }] },
    };

    private GlueCrawlers Crawlers() => new(_harness.Options, _harness.Time);

    [Fact]
    public async Task A_crawler_is_stored_ready_with_default_policies()
    {
        await Crawlers().CreateAsync(Request("Events"));

        var crawler = await Crawlers().GetAsync("Events");

        Assert.Equal(CrawlerStateValues.Ready, crawler.State);
        Assert.Equal("s3://lake/events/", Assert.Single(crawler.Targets!.S3Targets!).Path);
        Assert.Equal(["**/_tmp/**"], crawler.Targets.S3Targets![0].Exclusions);
        Assert.Equal("raw_", crawler.TablePrefix);
        Assert.Equal("UPDATE_IN_DATABASE", crawler.SchemaChangePolicy!.UpdateBehavior);
        Assert.Equal("CRAWL_EVERYTHING", crawler.RecrawlPolicy!.RecrawlBehavior);
    }

    [Fact]
    public async Task A_duplicate_is_AlreadyExists_and_a_missing_one_EntityNotFound()
    {
        var crawlers = Crawlers();
        await crawlers.CreateAsync(Request("events"));

        var duplicate = await Assert.ThrowsAsync<AwsServiceException>(() => crawlers.CreateAsync(Request("events")));
        var missing = await Assert.ThrowsAsync<AwsServiceException>(() => crawlers.GetAsync("other"));

        Assert.Equal("AlreadyExistsException", duplicate.Code);
        Assert.Equal("EntityNotFoundException", missing.Code);
    }

    [Fact]
    public async Task A_crawler_without_a_role_is_InvalidInputException()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Crawlers().CreateAsync(Request("events") with { Role = null }));

        Assert.Equal("InvalidInputException", error.Code);
    }

    [Fact]
    public async Task Crawlers_are_listed_in_pages_and_deleted()
    {
        var crawlers = Crawlers();
        foreach (var name in new[] { "c", "a", "b" })
        {
            await crawlers.CreateAsync(Request(name));
        }

        await crawlers.DeleteAsync("b");
        var first = await crawlers.ListAsync(null, 1);
        var second = await crawlers.ListAsync(first.NextToken, 1);

        Assert.Equal(["a"], first.Items.Select(c => c.Name));
        Assert.Equal(["c"], second.Items.Select(c => c.Name));
        Assert.Null(second.NextToken);
    }

    public void Dispose() => _harness.Dispose();
}
