using Microsoft.Extensions.Logging;
using Pipeline.Aws;
using Pipeline.Aws.Glue;
using Pipeline.Contracts.Aws.Sqs;
using Pipeline.Contracts.Datasets;

namespace Pipeline.CrawlerTrigger.Triggering;

/// <summary>
/// Turns a batch of S3 notifications into at most one <c>StartCrawler</c> per dataset (docs/orchestration.md,
/// "CrawlerTrigger") and decides which messages SQS may delete.
/// </summary>
/// <remarks>
/// A body that is not an S3 notification is returned as a batch item failure, not acknowledged: SQS redelivers it
/// until <c>maxReceiveCount</c> and then moves it to the dead-letter queue, where it can be inspected. Acknowledging it
/// would lose it silently; failing it costs only a few extra receives.
/// </remarks>
public sealed partial class CrawlerStarter
{
    private readonly IGlueClient _glue;
    private readonly TriggerSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger<CrawlerStarter> _logger;
    private readonly (string Dataset, string Root)[] _roots;

    public CrawlerStarter(IGlueClient glue, DatasetCatalog catalog, TriggerSettings settings, TimeProvider time, ILogger<CrawlerStarter> logger)
    {
        ArgumentNullException.ThrowIfNull(glue);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _glue = glue;
        _settings = settings;
        _time = time;
        _logger = logger;

        // Longest root first, so a dataset whose root lies inside another's wins for its own objects.
        _roots = catalog.All
            .Select(d => (d.Name, catalog.Deployment.RawRootFor(d.Name)))
            .Where(r => r.Item2.Length > 0)
            .OrderByDescending(r => r.Item2.Length)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The dataset whose raw root the (decoded) key starts with, or null.</summary>
    public string? DatasetOf(string decodedKey)
    {
        ArgumentNullException.ThrowIfNull(decodedKey);
        foreach (var (dataset, root) in _roots)
        {
            if (decodedKey.StartsWith(root, StringComparison.Ordinal))
            {
                return dataset;
            }
        }

        return null;
    }

    public async Task<TriggerOutcome> ProcessAsync(SqsEvent batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var failed = new HashSet<string>(StringComparer.Ordinal);

        // Per dataset, each message and the creation time of its newest object of that dataset.
        var pending = new SortedDictionary<string, List<(string MessageId, DateTimeOffset Newest)>>(StringComparer.Ordinal);
        foreach (var message in batch.Records ?? [])
        {
            var notification = S3Notification.Read(message.Body);
            switch (notification.Kind)
            {
                case NotificationKind.TestEvent:
                    LogTestEvent(message.MessageId);
                    continue;
                case NotificationKind.Unreadable:
                    LogUnreadable(message.MessageId, notification.Error ?? "unknown");
                    failed.Add(message.MessageId);
                    continue;
            }

            var newest = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            foreach (var record in notification.Records)
            {
                var key = record.S3.Object.DecodedKey;
                if (DatasetOf(key) is not { } dataset)
                {
                    LogOutsideRawRoots(message.MessageId, record.S3.Bucket?.Name ?? "?", key);
                    continue;
                }

                newest[dataset] = newest.TryGetValue(dataset, out var seen) && seen > record.EventTime ? seen : record.EventTime;
            }

            foreach (var (dataset, time) in newest)
            {
                if (!pending.TryGetValue(dataset, out var list))
                {
                    pending[dataset] = list = [];
                }

                list.Add((message.MessageId, time));
            }
        }

        var started = new List<string>();
        foreach (var (dataset, messages) in pending)
        {
            var crawler = DeploymentDescription.RawCrawlerName(_settings.NamePrefix, dataset);
            var (crawlStarted, redeliver) = await StartAsync(dataset, crawler, messages, cancellationToken).ConfigureAwait(false);
            failed.UnionWith(redeliver);
            if (crawlStarted)
            {
                started.Add(crawler);
            }
        }

        // SQS wants the failures; keep the batch's order so logs and responses read the same way.
        var failures = (batch.Records ?? [])
            .Where(m => failed.Contains(m.MessageId))
            .Select(m => new SqsBatchItemFailure(m.MessageId))
            .DistinctBy(f => f.ItemIdentifier)
            .ToArray();
        return new TriggerOutcome(new SqsBatchResponse(failures), started);
    }

    /// <summary>Starts the crawler; returns whether it started and the ids of the messages that must be redelivered.</summary>
    private async Task<(bool Started, IEnumerable<string> Redeliver)> StartAsync(
        string dataset,
        string crawler,
        List<(string MessageId, DateTimeOffset Newest)> messages,
        CancellationToken cancellationToken)
    {
        try
        {
            await _glue.StartCrawlerAsync(crawler, cancellationToken).ConfigureAwait(false);
            LogStarted(crawler, dataset, messages.Count);
            return (true, []);
        }
        catch (AwsServiceException e) when (e.ErrorCode == GlueErrorCodes.CrawlerRunning)
        {
            return (false, await CoveredByRunningCrawlAsync(dataset, crawler, messages, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Throttling, an unknown crawler, a network error: this dataset's messages come back; the others are done.
            LogStartFailed(e, crawler, dataset, messages.Count);
            return (false, messages.Select(m => m.MessageId).ToArray());
        }
    }

    /// <summary>
    /// A crawl is running: the objects created before it started are in its scan, those messages are done. Newer
    /// objects may have been missed, so their messages come back after the visibility timeout and start the next crawl.
    /// </summary>
    private async Task<IEnumerable<string>> CoveredByRunningCrawlAsync(
        string dataset,
        string crawler,
        List<(string MessageId, DateTimeOffset Newest)> messages,
        CancellationToken cancellationToken)
    {
        Crawler state;
        try
        {
            state = await _glue.GetCrawlerAsync(crawler, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogStartFailed(e, crawler, dataset, messages.Count);
            return messages.Select(m => m.MessageId);
        }

        if (state.State is not (CrawlerState.Running or CrawlerState.Stopping) || state.CrawlElapsedTime is not { } elapsed)
        {
            // It finished between the two calls: nothing is known to be covered, so a later delivery starts a new crawl.
            LogNoLongerRunning(crawler, state.State?.ToString() ?? "unknown", messages.Count);
            return messages.Select(m => m.MessageId);
        }

        var crawlStart = _time.GetUtcNow() - TimeSpan.FromMilliseconds(elapsed);
        var notCovered = messages.Where(m => m.Newest >= crawlStart).Select(m => m.MessageId).ToArray();
        LogRunning(crawler, crawlStart, messages.Count - notCovered.Length, notCovered.Length);
        return notCovered;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} is the S3 test event; acknowledged")]
    private partial void LogTestEvent(string messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} is not an S3 notification ({Reason}); left on the queue so it reaches the dead-letter queue")]
    private partial void LogUnreadable(string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId}: s3://{Bucket}/{Key} is under no dataset's raw prefix; ignored")]
    private partial void LogOutsideRawRoots(string messageId, string bucket, string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started crawler {Crawler} for {Dataset} ({Count} messages)")]
    private partial void LogStarted(string crawler, string dataset, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawler {Crawler} is already running since {CrawlStart:o}: {Covered} message(s) covered, {NotCovered} left for redelivery")]
    private partial void LogRunning(string crawler, DateTimeOffset crawlStart, int covered, int notCovered);

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawler {Crawler} was running but is now {State}; {Count} message(s) left for redelivery")]
    private partial void LogNoLongerRunning(string crawler, string state, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not start crawler {Crawler} for {Dataset}; {Count} message(s) left for redelivery")]
    private partial void LogStartFailed(Exception exception, string crawler, string dataset, int count);
}
