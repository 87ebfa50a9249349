using Pipeline.IntegrationTests.LocalCloud.Cli;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.LocalCloud.Events;
using Pipeline.LocalCloud.Glue.Crawlers;
using Pipeline.LocalCloud.Glue.Crawlers.Crawling;
using Pipeline.AwsShapes.Glue;

namespace Pipeline.IntegrationTests.LocalCloud.Glue;

/// <summary>
/// The AWS CLI crawling gzip JSON uploaded with <c>aws s3 cp</c> into Hive folders: start-crawler, get-crawler until
/// READY, then tables with struct columns, partition keys and locations, every partition, a second crawl adding new
/// ones, CrawlerRunningException while a crawl runs, and get-crawler-metrics.
/// </summary>
public sealed class GlueCliCrawlTests : IClassFixture<LocalCloudFixture>
{
    private readonly LocalCloudFixture _cloud;

    public GlueCliCrawlTests(LocalCloudFixture cloud) => _cloud = cloud;

    [AwsCliFact]
    public async Task Uploaded_gzip_json_is_crawled_into_a_partitioned_table_and_a_recrawl_adds_new_partitions()
    {
        var cli = _cloud.Cli;
        await SetUpAsync("clicks-lake", "clicks_db", "P-clicks-raw", "s3://clicks-lake/raw/clicks/");
        await UploadAsync("clicks-lake", "raw/clicks/year=2026/month=01/day=05", """{"event_id":"e1","ts":"2026-01-05T10:00:00Z","user":{"id":7,"name":"ana"},"tags":["a"],"price":1.5}""");
        await UploadAsync("clicks-lake", "raw/clicks/year=2026/month=01/day=06", """{"event_id":"e2","ts":"2026-01-06T10:00:00Z","user":{"id":8,"name":"bo","plan":{"tier":"gold"}},"tags":[],"price":2}""");

        await Ok(cli.RunAsync(
            "events", "put-rule", "--name", "P-crawler-state", "--event-pattern",
            """{"source":["aws.glue"],"detail-type":["Glue Crawler State Change"],"detail":{"state":["Succeeded","Failed"],"crawlerName":[{"prefix":"P-"}]}}"""));

        await Ok(cli.RunAsync("glue", "start-crawler", "--name", "P-clicks-raw"));
        var crawler = await WaitReadyAsync("P-clicks-raw");
        var tables = (await Ok(cli.RunAsync("glue", "get-tables", "--database-name", "clicks_db"))).GetProperty("TableList");
        var table = (await Ok(cli.RunAsync("glue", "get-table", "--database-name", "clicks_db", "--name", "raw_clicks"))).GetProperty("Table");
        var partitions = await PartitionsAsync("clicks_db", "raw_clicks");

        Assert.Equal("SUCCEEDED", crawler.GetProperty("LastCrawl").GetProperty("Status").GetString());
        Assert.Equal("raw_clicks", Assert.Single(tables.EnumerateArray()).GetProperty("Name").GetString());
        Assert.Equal(["year", "month", "day"], table.GetProperty("PartitionKeys").EnumerateArray().Select(k => k.GetProperty("Name").GetString()));
        var sd = table.GetProperty("StorageDescriptor");
        Assert.Equal("s3://clicks-lake/raw/clicks/", sd.GetProperty("Location").GetString());
        Assert.Equal(
            ["event_id:string", "ts:string", "user:struct<id:int,name:string,plan:struct<tier:string>>", "tags:array<string>", "price:double"],
            sd.GetProperty("Columns").EnumerateArray().Select(c => c.GetProperty("Name").GetString() + ":" + c.GetProperty("Type").GetString()));
        Assert.Equal("org.openx.data.jsonserde.JsonSerDe", sd.GetProperty("SerdeInfo").GetProperty("SerializationLibrary").GetString());
        Assert.Equal("gzip", table.GetProperty("Parameters").GetProperty("compressionType").GetString());
        var events = _cloud.App.Services.GetRequiredService<IEventHistory>().Recent
            .Where(e => e.DetailType == "Glue Crawler State Change" && e.EnvelopeJson.Contains("\"P-clicks-raw\"", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal("aws.glue", e.Source));
        Assert.Empty(events[0].MatchedRules);
        Assert.Equal(["P-crawler-state"], events[1].MatchedRules);
        var succeeded = JsonDocument.Parse(events[1].EnvelopeJson).RootElement.GetProperty("detail");
        Assert.Equal("Succeeded", succeeded.GetProperty("state").GetString());
        Assert.Equal("1", succeeded.GetProperty("tablesCreated").GetString());
        Assert.Equal("2", succeeded.GetProperty("partitionsCreated").GetString());
        Assert.Equal(["2026/01/05", "2026/01/06"], partitions.Select(p => string.Join('/', p.GetProperty("Values").EnumerateArray().Select(v => v.GetString()))));
        Assert.Equal("s3://clicks-lake/raw/clicks/year=2026/month=01/day=06/", partitions[1].GetProperty("StorageDescriptor").GetProperty("Location").GetString());

        await UploadAsync("clicks-lake", "raw/clicks/year=2026/month=02/day=01", """{"event_id":"e3","user":{"id":9,"name":"cy"},"tags":["b"],"price":3.25}""");
        await Ok(cli.RunAsync("glue", "start-crawler", "--name", "P-clicks-raw"));
        await WaitReadyAsync("P-clicks-raw");
        var after = await PartitionsAsync("clicks_db", "raw_clicks");
        var metrics = (await Ok(cli.RunAsync("glue", "get-crawler-metrics", "--crawler-name-list", "P-clicks-raw"))).GetProperty("CrawlerMetricsList");

        Assert.Equal(3, after.Count);
        Assert.Equal(["2026", "02", "01"], after[2].GetProperty("Values").EnumerateArray().Select(v => v.GetString()));
        var entry = Assert.Single(metrics.EnumerateArray());
        Assert.Equal("P-clicks-raw", entry.GetProperty("CrawlerName").GetString());
        Assert.False(entry.GetProperty("StillEstimating").GetBoolean());
        Assert.True(entry.GetProperty("LastRuntimeSeconds").GetDouble() >= 0);
        Assert.Equal(0, entry.GetProperty("TablesCreated").GetInt32());
    }

    [AwsCliFact]
    public async Task Two_hundred_objects_uploaded_in_a_burst_into_twenty_partitions_all_become_partitions_in_one_crawl()
    {
        var cli = _cloud.Cli;
        await SetUpAsync("burst-lake", "burst_db", "P-burst-raw", "s3://burst-lake/raw/burst/");
        var local = Path.Combine(_cloud.WorkDirectory, "burst");
        for (var i = 0; i < 200; i++)
        {
            var folder = Path.Combine(local, $"hour={i % 20:D2}");
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, $"part-{i:D3}.json.gz"), Gzip($$"""{"event_id":"e{{i}}","n":{{i}}}""" + "\n"));
        }

        await Ok(cli.RunAsync("s3", "cp", local, "s3://burst-lake/raw/burst/", "--recursive", "--quiet"));
        var started = DateTime.UtcNow;
        await Ok(cli.RunAsync("glue", "start-crawler", "--name", "P-burst-raw"));
        var crawler = await WaitReadyAsync("P-burst-raw");
        var elapsed = DateTime.UtcNow - started;
        var partitions = await PartitionsAsync("burst_db", "raw_burst");

        Assert.Equal("SUCCEEDED", crawler.GetProperty("LastCrawl").GetProperty("Status").GetString());
        Assert.Equal(Enumerable.Range(0, 20).Select(h => $"{h:D2}"), partitions.Select(p => p.GetProperty("Values")[0].GetString()).Order(StringComparer.Ordinal));
        Assert.True(elapsed < TimeSpan.FromSeconds(30), $"Starting and finishing the crawl took {elapsed}.");
    }

    [AwsCliFact]
    public async Task Start_while_running_is_CrawlerRunningException_and_stop_while_ready_CrawlerNotRunningException()
    {
        var cli = _cloud.Cli;
        await SetUpAsync("busy-lake", "busy_db", "P-busy-raw", "s3://busy-lake/raw/busy/");
        var crawlers = _cloud.App.Services.GetRequiredService<GlueCrawlers>();

        // Held RUNNING in process, as a long crawl would be, so the CLI's second start meets it deterministically.
        await crawlers.BeginCrawlAsync("P-busy-raw");
        var running = (await Ok(cli.RunAsync("glue", "get-crawler", "--name", "P-busy-raw"))).GetProperty("Crawler");
        var again = await cli.RunAsync("glue", "start-crawler", "--name", "P-busy-raw");
        await crawlers.FinishCrawlAsync("P-busy-raw", LastCrawlStatusValues.Succeeded, null, CrawlCounts.None);
        var stop = await cli.RunAsync("glue", "stop-crawler", "--name", "P-busy-raw");
        var missing = await cli.RunAsync("glue", "start-crawler", "--name", "P-nothing");
        var names = (await Ok(cli.RunAsync("glue", "list-crawlers"))).GetProperty("CrawlerNames");

        Assert.Equal("RUNNING", running.GetProperty("State").GetString());
        Assert.True(running.GetProperty("CrawlElapsedTime").GetInt64() >= 0);
        Assert.Equal("CrawlerRunningException", again.ErrorCode);
        Assert.Equal("CrawlerNotRunningException", stop.ErrorCode);
        Assert.Equal("EntityNotFoundException", missing.ErrorCode);
        Assert.Contains("P-busy-raw", names.EnumerateArray().Select(n => n.GetString()));
    }

    [AwsCliFact]
    public async Task A_crawl_running_when_LocalCloud_stops_is_crawled_again_after_the_restart_and_ends_SUCCEEDED()
    {
        await SetUpAsync("restart-lake", "restart_db", "P-restart-raw", "s3://restart-lake/raw/restart/");
        await _cloud.App.Services.GetRequiredService<GlueCrawlers>().BeginCrawlAsync("P-restart-raw");

        // The fault was LocalCloud's, not the crawl's: it is run again at start, so its Succeeded event still fires.
        await _cloud.RestartAsync();
        var crawler = await WaitReadyAsync("P-restart-raw");
        var again = await _cloud.Cli.RunAsync("glue", "start-crawler", "--name", "P-restart-raw");

        Assert.Equal("SUCCEEDED", crawler.GetProperty("LastCrawl").GetProperty("Status").GetString());
        Assert.Equal("/aws-glue/crawlers", crawler.GetProperty("LastCrawl").GetProperty("LogGroup").GetString());
        Assert.Equal(0, again.ExitCode);
        Assert.Equal("SUCCEEDED", (await WaitReadyAsync("P-restart-raw")).GetProperty("LastCrawl").GetProperty("Status").GetString());
    }

    private async Task SetUpAsync(string bucket, string database, string crawler, string target)
    {
        var cli = _cloud.Cli;
        await Ok(cli.RunAsync("s3", "mb", $"s3://{bucket}"));
        await Ok(cli.RunAsync("glue", "create-database", "--database-input", $$"""{"Name":"{{database}}"}"""));
        await Ok(cli.RunAsync(
            "glue", "create-crawler", "--name", crawler, "--role", "arn:aws:iam::000000000000:role/crawler", "--database-name", database,
            "--table-prefix", "raw_", "--targets", $$"""{"S3Targets":[{"Path":"{{target}}"}]}"""));
    }

    private async Task UploadAsync(string bucket, string folder, string jsonLine)
    {
        var file = Path.Combine(_cloud.WorkDirectory, Guid.NewGuid().ToString("N") + ".json.gz");
        await File.WriteAllBytesAsync(file, Gzip(jsonLine + "\n"));
        await Ok(_cloud.Cli.RunAsync("s3", "cp", file, $"s3://{bucket}/{folder}/data.json.gz"));
    }

    private async Task<JsonElement> WaitReadyAsync(string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var crawler = (await Ok(_cloud.Cli.RunAsync("glue", "get-crawler", "--name", name))).GetProperty("Crawler");
            if (crawler.GetProperty("State").GetString() == "READY")
            {
                return crawler;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{name} is still {crawler.GetProperty("State").GetString()}.");
            await Task.Delay(200);
        }
    }

    private async Task<List<JsonElement>> PartitionsAsync(string database, string table)
    {
        var partitions = (await Ok(_cloud.Cli.RunAsync("glue", "get-partitions", "--database-name", database, "--table-name", table))).GetProperty("Partitions");
        return [.. partitions.EnumerateArray().OrderBy(p => string.Join('/', p.GetProperty("Values").EnumerateArray().Select(v => v.GetString())), StringComparer.Ordinal)];
    }

    private static byte[] Gzip(string text)
    {
        using var compressed = new MemoryStream();
        using (var zip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(Encoding.UTF8.GetBytes(text));
        }

        return compressed.ToArray();
    }

    private static async Task<JsonElement> Ok(Task<CliResult> run)
    {
        var result = await run;
        Assert.True(result.ExitCode == 0, result.Stderr);
        // s3 commands print progress lines, glue commands JSON.
        return result.Stdout.TrimStart().StartsWith('{') ? result.Json : default;
    }
}
