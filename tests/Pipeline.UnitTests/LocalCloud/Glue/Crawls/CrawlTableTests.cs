using Pipeline.LocalCloud.Glue.Crawlers;
using Pipeline.AwsShapes.Glue;

namespace Pipeline.UnitTests.LocalCloud.Glue.Crawls;

/// <summary>A crawl writes one table per target: merged columns, Hive partition keys, JSON SerDe, crawler parameters, a partition per folder.</summary>
public sealed class CrawlTableTests : IDisposable
{
    private readonly CrawlerHarness _harness = new();

    [Fact]
    public async Task Gzip_json_in_hive_folders_becomes_a_partitioned_json_table()
    {
        await _harness.SetUpAsync();
        await _harness.PutFixtureAsync("raw/clicks/year=2026/month=01/a.json.gz", "clicks-a.json");
        await _harness.PutFixtureAsync("raw/clicks/year=2026/month=02/b.json.gz", "clicks-b.json");
        await _harness.PutAsync("raw/clicks/year=2026/month=02/_SUCCESS", "x");

        var crawler = await _harness.CrawlAsync();
        var table = await _harness.Catalog.GetTableAsync(CrawlerHarness.Database, "raw_clicks");
        var partitions = await _harness.PartitionsAsync();

        Assert.Equal(LastCrawlStatusValues.Succeeded, crawler.LastCrawl!.Status);
        Assert.Equal("EXTERNAL_TABLE", table.TableType);
        Assert.Equal(["year", "month"], table.PartitionKeys!.Select(k => k.Name));
        Assert.All(table.PartitionKeys!, k => Assert.Equal("string", k.Type));
        var sd = table.StorageDescriptor!;
        Assert.Equal("s3://lake/raw/clicks/", sd.Location);
        Assert.Equal("org.apache.hadoop.mapred.TextInputFormat", sd.InputFormat);
        Assert.Equal("org.openx.data.jsonserde.JsonSerDe", sd.SerdeInfo!.SerializationLibrary);
        Assert.Equal(
            ["event_id:string", "event_time:string", "user:struct<id:int,name:string,plan:struct<tier:string,seats:int>>", "tags:array<string>", "price:double", "epoch_ms:bigint", "active:boolean", "referrer:string", "note:string"],
            sd.Columns!.Select(c => c.Name + ":" + c.Type));
        Assert.Equal("json", table.Parameters!["classification"]);
        Assert.Equal("gzip", table.Parameters["compressionType"]);
        Assert.Equal("file", table.Parameters["typeOfData"]);
        Assert.Equal("P-clicks-raw", table.Parameters["UPDATED_BY_CRAWLER"]);
        Assert.Equal("2", table.Parameters["objectCount"]);
        Assert.Equal("3", table.Parameters["recordCount"]);
        Assert.Equal([["2026", "01"], ["2026", "02"]], partitions.Select(p => p.Values!.ToArray()));
        Assert.Equal("s3://lake/raw/clicks/year=2026/month=02/", partitions[1].StorageDescriptor!.Location);
        Assert.Equal(sd.Columns!.Count, partitions[1].StorageDescriptor!.Columns!.Count);
    }

    [Fact]
    public async Task A_second_crawl_adds_only_the_new_partitions_and_reads_only_new_objects()
    {
        await _harness.SetUpAsync();
        await _harness.PutFixtureAsync("raw/clicks/year=2026/month=01/a.json.gz", "clicks-a.json");
        await _harness.CrawlAsync();
        var firstCreated = (await _harness.PartitionsAsync()).Single().CreationTime;
        var readFirst = _harness.Inferrer.Calls;

        _harness.Time.Advance(TimeSpan.FromMinutes(5));
        await _harness.PutFixtureAsync("raw/clicks/year=2026/month=03/c.json.gz", "clicks-a.json");
        var crawler = await _harness.CrawlAsync();
        var partitions = await _harness.PartitionsAsync();

        Assert.Equal(LastCrawlStatusValues.Succeeded, crawler.LastCrawl!.Status);
        Assert.Equal([["2026", "01"], ["2026", "03"]], partitions.Select(p => p.Values!.ToArray()));
        Assert.Equal(firstCreated, partitions[0].CreationTime);
        Assert.True(partitions[1].CreationTime > firstCreated);
        Assert.Equal(readFirst + 1, _harness.Inferrer.Calls);
    }

    [Fact]
    public async Task Two_hundred_small_objects_in_twenty_partitions_are_crawled_in_one_go()
    {
        await _harness.SetUpAsync();
        for (var i = 0; i < 200; i++)
        {
            await _harness.PutAsync($"raw/clicks/day={i % 20:D2}/part-{i:D3}.json.gz", $$"""{"event_id":"e{{i}}","n":{{i}}}""" + "\n");
        }

        var started = DateTime.UtcNow;
        var crawler = await _harness.CrawlAsync();
        var elapsed = DateTime.UtcNow - started;

        Assert.Equal(LastCrawlStatusValues.Succeeded, crawler.LastCrawl!.Status);
        Assert.Equal(20, (await _harness.PartitionsAsync()).Count);
        Assert.True(elapsed < TimeSpan.FromSeconds(30), $"The crawl took {elapsed}.");
    }

    [Fact]
    public async Task A_missing_database_fails_the_crawl_with_a_clear_message()
    {
        await _harness.SetUpAsync(CrawlerHarness.Definition() with { DatabaseName = "nowhere" });
        await _harness.PutFixtureAsync("raw/clicks/year=2026/a.json.gz", "clicks-a.json");

        var crawler = await _harness.CrawlAsync();

        Assert.Equal(LastCrawlStatusValues.Failed, crawler.LastCrawl!.Status);
        Assert.Contains("Database nowhere not found", crawler.LastCrawl.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_object_fails_the_crawl_naming_the_object()
    {
        await _harness.SetUpAsync();
        await _harness.PutFixtureAsync("raw/clicks/year=2026/bad.json.gz", "not-json.json");

        var crawler = await _harness.CrawlAsync();

        Assert.Equal(LastCrawlStatusValues.Failed, crawler.LastCrawl!.Status);
        Assert.Contains("s3://lake/raw/clicks/year=2026/bad.json.gz", crawler.LastCrawl.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty((await _harness.Catalog.GetTablesAsync(CrawlerHarness.Database)).Items);
    }

    public void Dispose() => _harness.Dispose();
}
