using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.AwsShapes.Glue;
using Pipeline.LocalCloud.Glue.Crawlers.Crawling;
using Pipeline.LocalCloud.Glue.Crawlers.Events;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Glue.Crawlers;

/// <summary>
/// Runs crawls in the background, one at a time per crawler: StartCrawler answers once the crawler is RUNNING, the
/// crawl ends READY with a SUCCEEDED, FAILED or (stopped) CANCELLED last crawl and its event. Shutdown (or a crash)
/// abandons running crawls, which the file still shows RUNNING: at the next start they are crawled again and end as any
/// crawl does, Succeeded event included.
/// </summary>
internal sealed partial class CrawlerRunner(GlueCrawlers crawlers, CrawlEngine engine, CrawlerEvents events, TimeProvider time, ILogger<CrawlerRunner> logger)
    : IHostedService
{
    private readonly ConcurrentDictionary<string, (CancellationTokenSource Cancel, Task Crawl)> _running = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _shutdown = new();

    /// <summary>StartCrawler.</summary>
    public async Task StartCrawlAsync(string? name, CancellationToken cancellationToken = default)
    {
        var crawler = await crawlers.BeginCrawlAsync(name, cancellationToken).ConfigureAwait(false);
        Launch(crawler);
    }

    private void Launch(StoredCrawler crawler)
    {
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var crawl = Task.Run(async () =>
        {
            await started.Task.ConfigureAwait(false);
            await RunAsync(crawler, cancel).ConfigureAwait(false);
        }, CancellationToken.None);
        _running[crawler.Name] = (cancel, crawl);
        started.SetResult();
    }

    /// <summary>StopCrawler: STOPPING now, READY with a CANCELLED last crawl once the crawl has noticed.</summary>
    public async Task StopCrawlAsync(string? name, CancellationToken cancellationToken = default)
    {
        var crawler = await crawlers.RequestStopAsync(name, cancellationToken).ConfigureAwait(false);
        if (_running.TryGetValue(crawler.Name, out var running))
        {
            try
            {
                await running.Cancel.CancelAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // The crawl ended meanwhile.
            }
        }
    }

    /// <summary>Waits for the crawler's running crawl, if any, to end; for tests and shutdown.</summary>
    public Task WhenIdleAsync(string name) => _running.TryGetValue(name, out var running) ? running.Crawl : Task.CompletedTask;

    /// <summary>Crawls again what a previous LocalCloud left RUNNING.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var crawler in await crawlers.ResumeInterruptedAsync(cancellationToken).ConfigureAwait(false))
        {
            LogResumed(logger, crawler.Name);
            Launch(crawler);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _shutdown.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_running.Values.Select(r => r.Crawl)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RunAsync(StoredCrawler crawler, CancellationTokenSource cancel)
    {
        // A child of the StartCrawler call (its context flows into the background task): the crawl's state-change
        // events are put inside it, so the rule's target continues the trace of whoever started the crawl.
        using var activity = GlueTelemetry.Source.StartActivity($"Glue crawl {crawler.Name}", ActivityKind.Internal);
        activity?.SetTag("aws.glue.crawler", crawler.Name);
        var clock = time.GetTimestamp();
        var cancellationToken = cancel.Token;
        var start = crawler.CurrentCrawlStart ?? DateTimeOffset.UnixEpoch;
        await PublishAsync(() => events.StartedAsync(crawler.Name, start, CancellationToken.None), crawler.Name).ConfigureAwait(false);
        FaultInjection.Reached(FaultPoint.CrawlRunning);

        var status = LastCrawlStatusValues.Succeeded;
        string? error = null;
        var counts = CrawlCounts.None;
        try
        {
            counts = await engine.CrawlAsync(crawler, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            status = LastCrawlStatusValues.Cancelled;
        }
        catch (CrawlException e)
        {
            status = LastCrawlStatusValues.Failed;
            error = e.Message;
        }
#pragma warning disable CA1031 // Whatever goes wrong, the crawl must end FAILED rather than stay RUNNING.
        catch (Exception e)
#pragma warning restore CA1031
        {
            status = LastCrawlStatusValues.Failed;
            error = $"Internal Service Exception: {e.Message}";
            LogCrawlError(logger, e, crawler.Name);
        }

        try
        {
            var finished = await crawlers.FinishCrawlAsync(crawler.Name, status, error, counts, CancellationToken.None).ConfigureAwait(false);
            var end = time.GetUtcNow();
            var outcome = finished.LastCrawl!.Status!;
            activity?.SetTag("aws.glue.crawl.status", outcome);
            if (outcome == LastCrawlStatusValues.Failed)
            {
                activity?.SetStatus(ActivityStatusCode.Error, error);
            }

            GlueTelemetry.CrawlDuration.Record(
                time.GetElapsedTime(clock).TotalSeconds,
                new KeyValuePair<string, object?>("aws.glue.crawler", crawler.Name),
                new KeyValuePair<string, object?>("aws.glue.crawl.status", outcome));
            LogCrawlEnded(logger, crawler.Name, outcome, error ?? string.Empty);
            switch (outcome)
            {
                case LastCrawlStatusValues.Succeeded:
                    await PublishAsync(() => events.SucceededAsync(crawler.Name, start, end, counts, CancellationToken.None), crawler.Name).ConfigureAwait(false);
                    break;
                case LastCrawlStatusValues.Failed:
                    await PublishAsync(() => events.FailedAsync(crawler.Name, error ?? "Internal Service Exception", CancellationToken.None), crawler.Name).ConfigureAwait(false);
                    break;
            }
        }
        finally
        {
            // Only this crawl's entry: a new crawl may already have started once this one was READY.
            if (_running.TryGetValue(crawler.Name, out var running) && running.Cancel == cancel)
            {
                _running.TryRemove(KeyValuePair.Create(crawler.Name, running));
            }

            cancel.Dispose();
        }
    }

    // The crawl's outcome is in the catalog and the crawler whether or not the bus takes the event.
    private async Task PublishAsync(Func<Task> publish, string crawlerName)
    {
        try
        {
            await publish().ConfigureAwait(false);
        }
#pragma warning disable CA1031
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogPublishFailed(logger, e, crawlerName);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawler {Crawler} was RUNNING when LocalCloud stopped; crawling again")]
    private static partial void LogResumed(ILogger logger, string crawler);

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawler {Crawler} ended {Status} {Error}")]
    private static partial void LogCrawlEnded(ILogger logger, string crawler, string status, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Crawler {Crawler} failed unexpectedly")]
    private static partial void LogCrawlError(ILogger logger, Exception exception, string crawler);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The state change event of crawler {Crawler} could not be published")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string crawler);
}
