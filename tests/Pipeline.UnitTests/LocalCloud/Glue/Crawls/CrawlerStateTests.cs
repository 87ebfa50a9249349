using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Glue.Crawlers;
using Pipeline.LocalCloud.Hosting;
using Pipeline.AwsShapes.Glue;

namespace Pipeline.UnitTests.LocalCloud.Glue.Crawls;

/// <summary>READY → RUNNING → STOPPING → READY with Glue's errors for every wrong move, elapsed time, LastCrawl and metrics from the clock.</summary>
public sealed class CrawlerStateTests : IDisposable
{
    private const string Name = "P-clicks-raw";

    private readonly CrawlerHarness _harness = new();

    [Fact]
    public async Task A_running_crawler_shows_its_elapsed_time_and_refuses_a_second_start()
    {
        await RunningAsync();
        _harness.Time.Advance(TimeSpan.FromSeconds(12.5));

        var running = await _harness.Crawlers.GetAsync(Name);
        var again = await Assert.ThrowsAsync<AwsServiceException>(() => _harness.Runner.StartCrawlAsync(Name));
        var metrics = (await _harness.Crawlers.MetricsAsync([Name], null, null)).Items.Single();

        Assert.Equal(CrawlerStateValues.Running, running.State);
        Assert.Equal(12_500, running.CrawlElapsedTime);
        Assert.Null(running.LastCrawl);
        Assert.Equal("CrawlerRunningException", again.Code);
        Assert.True(metrics.StillEstimating);
    }

    [Fact]
    public async Task A_stopped_crawl_goes_through_STOPPING_to_READY_CANCELLED()
    {
        await RunningAsync();

        await _harness.Runner.StopCrawlAsync(Name);
        var stopping = await _harness.Crawlers.GetAsync(Name);
        var stopAgain = await Assert.ThrowsAsync<AwsServiceException>(() => _harness.Runner.StopCrawlAsync(Name));
        _harness.Inferrer.Open();
        await _harness.Runner.WhenIdleAsync(Name).WaitAsync(TimeSpan.FromSeconds(30));
        var ready = await _harness.Crawlers.GetAsync(Name);
        var notRunning = await Assert.ThrowsAsync<AwsServiceException>(() => _harness.Runner.StopCrawlAsync(Name));

        Assert.Equal(CrawlerStateValues.Stopping, stopping.State);
        Assert.Equal("CrawlerStoppingException", stopAgain.Code);
        Assert.Equal(CrawlerStateValues.Ready, ready.State);
        Assert.Null(ready.CrawlElapsedTime);
        Assert.Equal(LastCrawlStatusValues.Cancelled, ready.LastCrawl!.Status);
        Assert.Equal("CrawlerNotRunningException", notRunning.Code);
        Assert.DoesNotContain(_harness.Bus.Events, e => e.Detail.GetProperty("state").GetString() is "Succeeded" or "Failed");
    }

    [Fact]
    public async Task A_finished_crawl_records_its_start_log_stream_and_runtime()
    {
        await RunningAsync();
        var start = _harness.Time.GetUtcNow();
        _harness.Time.Advance(TimeSpan.FromSeconds(40));
        _harness.Inferrer.Open();
        await _harness.Runner.WhenIdleAsync(Name).WaitAsync(TimeSpan.FromSeconds(30));

        var crawler = await _harness.Crawlers.GetAsync(Name);
        var metrics = (await _harness.Crawlers.MetricsAsync(null, null, null)).Items.Single();

        Assert.Equal(CrawlerStateValues.Ready, crawler.State);
        Assert.Equal(LastCrawlStatusValues.Succeeded, crawler.LastCrawl!.Status);
        Assert.Equal("/aws-glue/crawlers", crawler.LastCrawl.LogGroup);
        Assert.Equal(Name, crawler.LastCrawl.LogStream);
        Assert.False(string.IsNullOrEmpty(crawler.LastCrawl.MessagePrefix));
        Assert.Equal(start, crawler.LastCrawl.StartTime);
        Assert.Equal(40, metrics.LastRuntimeSeconds);
        Assert.Equal(40, metrics.MedianRuntimeSeconds);
        Assert.Equal(1, metrics.TablesCreated);
        Assert.False(metrics.StillEstimating);
        Assert.Equal(0, metrics.TimeLeftSeconds);
    }

    [Fact]
    public async Task A_running_crawler_cannot_be_updated_or_deleted()
    {
        await RunningAsync();

        var update = await Assert.ThrowsAsync<AwsServiceException>(() => _harness.Crawlers.UpdateAsync(new UpdateCrawlerRequest { Name = Name, TablePrefix = "x_" }));
        var delete = await Assert.ThrowsAsync<AwsServiceException>(() => _harness.Crawlers.DeleteAsync(Name));

        Assert.Equal("CrawlerRunningException", update.Code);
        Assert.Equal("CrawlerRunningException", delete.Code);
    }

    [Fact]
    public async Task A_ready_crawler_is_updated_with_a_new_version()
    {
        await _harness.SetUpAsync();

        await _harness.Crawlers.UpdateAsync(new UpdateCrawlerRequest { Name = Name, TablePrefix = "landing_", SchemaChangePolicy = new SchemaChangePolicy { UpdateBehavior = "LOG", DeleteBehavior = "LOG" } });
        var crawler = await _harness.Crawlers.GetAsync(Name);

        Assert.Equal("landing_", crawler.TablePrefix);
        Assert.Equal("LOG", crawler.SchemaChangePolicy!.UpdateBehavior);
        Assert.Equal("s3://lake/raw/clicks/", crawler.Targets!.S3Targets![0].Path);
        Assert.Equal(2, crawler.Version);
    }

    [Fact]
    public async Task Starting_or_stopping_an_unknown_crawler_is_EntityNotFound()
    {
        await _harness.SetUpAsync();

        var start = await Assert.ThrowsAsync<AwsServiceException>(() => _harness.Runner.StartCrawlAsync("nope"));
        var stop = await Assert.ThrowsAsync<AwsServiceException>(() => _harness.Runner.StopCrawlAsync("nope"));

        Assert.Equal("EntityNotFoundException", start.Code);
        Assert.Equal("EntityNotFoundException", stop.Code);
    }

    [Fact]
    public async Task A_crawl_running_at_shutdown_is_crawled_again_at_the_next_start_and_ends_SUCCEEDED()
    {
        await RunningAsync();
        var file = Path.Combine(_harness.Options.DataDirectory, GlueCatalog.Folder, "crawlers.json");
        var crashed = await File.ReadAllBytesAsync(file);
        _harness.Inferrer.Open();
        await _harness.Runner.WhenIdleAsync(Name).WaitAsync(TimeSpan.FromSeconds(30));
        _harness.Bus.Events.Clear();
        _harness.Time.Advance(TimeSpan.FromSeconds(30));

        // What a crash leaves: the file says RUNNING and no crawl is going on in the new process.
        await File.WriteAllBytesAsync(file, crashed);
        var restarted = new GlueCrawlers(_harness.Options, _harness.Time);
        var runner = new CrawlerRunner(restarted, _harness.Engine, _harness.Events, _harness.Time, NullLogger<CrawlerRunner>.Instance);
        var beforeStart = await restarted.GetAsync(Name);
        await runner.StartAsync(CancellationToken.None);
        await runner.WhenIdleAsync(Name).WaitAsync(TimeSpan.FromSeconds(30));
        var crawler = await restarted.GetAsync(Name);

        Assert.Equal(CrawlerStateValues.Running, beforeStart.State);
        Assert.Equal(CrawlerStateValues.Ready, crawler.State);
        Assert.Equal(LastCrawlStatusValues.Succeeded, crawler.LastCrawl!.Status);
        Assert.Equal(_harness.Time.GetUtcNow(), crawler.LastCrawl.StartTime);
        Assert.Contains(_harness.Bus.Events, e => e.Detail.GetProperty("state").GetString() == "Succeeded");
    }

    [Fact]
    public async Task A_crawl_being_stopped_at_shutdown_is_READY_and_CANCELLED_after_a_restart()
    {
        await RunningAsync();
        await _harness.Crawlers.RequestStopAsync(Name);
        var file = Path.Combine(_harness.Options.DataDirectory, GlueCatalog.Folder, "crawlers.json");
        var crashed = await File.ReadAllBytesAsync(file);
        _harness.Inferrer.Open();
        await _harness.Runner.WhenIdleAsync(Name).WaitAsync(TimeSpan.FromSeconds(30));

        await File.WriteAllBytesAsync(file, crashed);
        var restarted = new GlueCrawlers(_harness.Options, _harness.Time);
        var runner = new CrawlerRunner(restarted, _harness.Engine, _harness.Events, _harness.Time, NullLogger<CrawlerRunner>.Instance);
        await runner.StartAsync(CancellationToken.None);
        var crawler = await restarted.GetAsync(Name);

        Assert.Equal(CrawlerStateValues.Ready, crawler.State);
        Assert.Equal(LastCrawlStatusValues.Cancelled, crawler.LastCrawl!.Status);
    }

    public void Dispose() => _harness.Dispose();

    // A crawl held inside schema inference until the test opens the gate.
    private async Task RunningAsync()
    {
        await _harness.SetUpAsync();
        await _harness.PutFixtureAsync("raw/clicks/year=2026/a.json.gz", "clicks-a.json");
        _harness.Inferrer.Close();
        await _harness.Runner.StartCrawlAsync(Name);
        Assert.True(_harness.Inferrer.Entered.Wait(TimeSpan.FromSeconds(30)), "The crawl never reached the object.");
    }
}
