using Pipeline.LocalCloud.Glue.Crawlers;
using Pipeline.AwsShapes.Glue;

namespace Pipeline.UnitTests.LocalCloud.Glue.Crawls;

/// <summary>Later crawls follow SchemaChangePolicy (update or log a changed schema; log, deprecate or delete vanished partitions) and RecrawlPolicy.</summary>
public sealed class SchemaChangePolicyTests : IDisposable
{
    private const string January = "raw/clicks/year=2026/month=01/a.json.gz";
    private const string February = "raw/clicks/year=2026/month=02/b.json.gz";

    private readonly CrawlerHarness _harness = new();

    [Theory]
    [InlineData("UPDATE_IN_DATABASE", true)]
    [InlineData("LOG", false)]
    public async Task A_new_field_updates_the_table_only_with_UPDATE_IN_DATABASE(string update, bool updated)
    {
        await _harness.SetUpAsync(CrawlerHarness.Definition(update: update, delete: "LOG"));
        await _harness.PutFixtureAsync(January, "clicks-a.json");
        await _harness.CrawlAsync();

        await _harness.PutFixtureAsync(February, "clicks-b.json");
        await _harness.CrawlAsync();
        var table = await _harness.Catalog.GetTableAsync(CrawlerHarness.Database, "raw_clicks");
        var metrics = (await _harness.Crawlers.MetricsAsync(["P-clicks-raw"], null, null)).Items.Single();

        Assert.Equal(updated, table.StorageDescriptor!.Columns!.Any(c => c.Name == "referrer"));
        Assert.Equal(updated ? 1 : 0, metrics.TablesUpdated);
        Assert.Equal(2, (await _harness.PartitionsAsync()).Count);
    }

    [Theory]
    [InlineData("LOG", 2, false)]
    [InlineData("DEPRECATE_IN_DATABASE", 2, true)]
    [InlineData("DELETE_FROM_DATABASE", 1, false)]
    public async Task A_vanished_partition_is_kept_deprecated_or_deleted(string delete, int left, bool deprecated)
    {
        await _harness.SetUpAsync(CrawlerHarness.Definition(delete: delete));
        await _harness.PutFixtureAsync(January, "clicks-a.json");
        await _harness.PutFixtureAsync(February, "clicks-a.json");
        await _harness.CrawlAsync();

        await _harness.Store.DeleteObjectAsync(CrawlerHarness.Bucket, February);
        await _harness.CrawlAsync();
        var partitions = await _harness.PartitionsAsync();

        Assert.Equal(left, partitions.Count);
        Assert.Equal(["2026", "01"], partitions[0].Values);
        Assert.DoesNotContain("DEPRECATED_BY_CRAWLER", partitions[0].Parameters!.Keys);
        Assert.Equal(deprecated, partitions.Any(p => p.Parameters!.ContainsKey("DEPRECATED_BY_CRAWLER")));
    }

    [Theory]
    [InlineData("CRAWL_NEW_FOLDERS_ONLY", false)]
    [InlineData("CRAWL_EVERYTHING", true)]
    public async Task New_folders_only_does_not_read_changed_objects_in_known_partitions(string recrawl, bool seen)
    {
        await _harness.SetUpAsync(CrawlerHarness.Definition(update: "UPDATE_IN_DATABASE", delete: "LOG", recrawl: recrawl));
        await _harness.PutFixtureAsync(January, "clicks-a.json");
        await _harness.CrawlAsync();

        await _harness.PutFixtureAsync(January, "clicks-b.json");
        await _harness.PutFixtureAsync(February, "clicks-a.json");
        await _harness.CrawlAsync();
        var table = await _harness.Catalog.GetTableAsync(CrawlerHarness.Database, "raw_clicks");

        Assert.Equal(seen, table.StorageDescriptor!.Columns!.Any(c => c.Name == "referrer"));
        Assert.Equal(2, (await _harness.PartitionsAsync()).Count);
    }

    [Fact]
    public async Task An_unchanged_recrawl_reads_nothing_and_changes_nothing()
    {
        await _harness.SetUpAsync();
        await _harness.PutFixtureAsync(January, "clicks-a.json");
        await _harness.CrawlAsync();
        var before = await _harness.Catalog.GetTableAsync(CrawlerHarness.Database, "raw_clicks");
        var reads = _harness.Inferrer.Calls;

        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        var crawler = await _harness.CrawlAsync();
        var after = await _harness.Catalog.GetTableAsync(CrawlerHarness.Database, "raw_clicks");

        Assert.Equal(LastCrawlStatusValues.Succeeded, crawler.LastCrawl!.Status);
        Assert.Equal(reads, _harness.Inferrer.Calls);
        Assert.Equal(before.UpdateTime, after.UpdateTime);
    }

    public void Dispose() => _harness.Dispose();
}
