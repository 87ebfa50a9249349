using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pipeline.AwsShapes.Firehose;
using Pipeline.LocalCloud.Firehose.Api;
using Pipeline.LocalCloud.Firehose.Configuration;
using Pipeline.LocalCloud.Firehose.Journal;
using Pipeline.LocalCloud.Firehose.Transformation;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Storage;
using Pipeline.ServiceDefaults.Tracing;

namespace Pipeline.LocalCloud.Firehose.Delivery;

/// <summary>
/// One delivery stream at run time: accepted records in the journal and in memory until delivered, and the loop
/// that delivers them when the buffer reaches SizeInMBs or its oldest record is IntervalInSeconds old.
/// <para>
/// Exactly once: a delivery takes the oldest buffered records (a journal range), processes them and decides every
/// object, key and bytes, then makes that plan durable before writing the first object. Only then are objects
/// written, then the checkpoint (atomically), then the plan removed. A crash before the plan is durable wrote
/// nothing; after it, the same plan is written again, overwriting the same keys, before anything newer is delivered.
/// </para>
/// </summary>
internal sealed partial class DeliveryStream : IAsyncDisposable
{
    public const string ConfigFile = "config.json";
    public const string CheckpointFile = "checkpoint.json";
    public const string JournalDirectory = "log";
    public const string PendingDirectory = "pending";

    private readonly object _gate = new();
    private readonly List<JournalRecord> _buffer = [];
    private readonly SemaphoreSlim _deliveryLock = new(1, 1);
    private readonly RecordJournal _journal;
    private readonly DeliveryPlanStore _plans;
    private readonly StateDocument<DeliveryCheckpoint> _checkpoint;
    private readonly Func<IObjectStore> _objectStore;
    private readonly LambdaTransformer _transformer;
    private readonly TimeProvider _time;
    private readonly FirehoseEngineOptions _options;
    private readonly ILogger _logger;
    private long _bufferedBytes;
    private long _appendingBytes;
    private int _appending;
    private TaskCompletionSource? _drained;
    private long _deliveredThrough;
    private volatile bool _planPending;
    private TaskCompletionSource _wake = NewSignal();
    private CancellationTokenSource? _stop;
    private Task? _loop;

    /// <summary>Opens the stream's journal and checkpoint in <paramref name="directory"/>; records accepted and not delivered are buffered again.</summary>
    public DeliveryStream(
        StoredDeliveryStream stored,
        DeliveryStreamSettings settings,
        string directory,
        Func<IObjectStore> objectStore,
        LambdaTransformer transformer,
        TimeProvider time,
        FirehoseEngineOptions options,
        ILogger logger)
    {
        Stored = stored;
        Settings = settings;
        Directory = directory;
        _objectStore = objectStore;
        _transformer = transformer;
        _time = time;
        _options = options;
        _logger = logger;
        _checkpoint = new(Path.Combine(directory, CheckpointFile), FirehoseStateJsonContext.Default.DeliveryCheckpoint);
        _deliveredThrough = _checkpoint.Load()?.DeliveredThrough ?? 0;
        _journal = RecordJournal.Open(Path.Combine(directory, JournalDirectory), options.SegmentBytes, _deliveredThrough, logger, out var undelivered);
        _journal.Durable = Buffer;
        Buffer(undelivered);
        _plans = new DeliveryPlanStore(Path.Combine(directory, PendingDirectory));
        _planPending = _plans.HasPlan;
        if (!_planPending)
        {
            // The remains of a plan that was never complete: nothing of it reached S3.
            _plans.Delete();
        }

        if (undelivered.Count > 0 || _planPending)
        {
            LogRecovered(logger, settings.Name, undelivered.Count, _planPending);
        }
    }

    public StoredDeliveryStream Stored { get; }

    public DeliveryStreamSettings Settings { get; }

    public string Name => Settings.Name;

    /// <summary><c>&lt;data dir&gt;/firehose/&lt;stream&gt;</c>.</summary>
    public string Directory { get; }

    public DeliveryStreamStatus Status { get; private set; } = DeliveryStreamStatus.Active;

    public int BufferedRecords
    {
        get
        {
            lock (_gate)
            {
                return _buffer.Count;
            }
        }
    }

    public long DeliveredThrough => Interlocked.Read(ref _deliveredThrough);

    /// <summary>
    /// Appends records to the journal (durable on return) and the buffer; returns their record ids. Appends run
    /// concurrently and share their fsyncs; the journal hands the records over in sequence order once durable.
    /// </summary>
    public async Task<IReadOnlyList<string>> AppendAsync(IReadOnlyList<byte[]> records, CancellationToken cancellationToken)
    {
        var incoming = records.Sum(r => (long)r.Length);
        var stream = new KeyValuePair<string, object?>("aws.firehose.delivery_stream", Name);
        lock (_gate)
        {
            if (Status != DeliveryStreamStatus.Active)
            {
                throw FirehoseErrors.StreamNotFound(Name, Stored.Arn.Split(':')[4]);
            }

            // An empty backlog always takes a request, however large, so a stream never refuses everything.
            var backlog = _bufferedBytes + _appendingBytes;
            if (backlog > 0 && backlog + incoming > _options.MaxBacklogBytes)
            {
                FirehoseTelemetry.ThrottledRecords.Add(records.Count, stream);
                throw FirehoseErrors.ServiceUnavailable("Slow down.");
            }

            _appendingBytes += incoming;
            _appending++;
        }

        IReadOnlyList<JournalRecord> appended;
        try
        {
            appended = await _journal.AppendAsync(records, _time.GetUtcNow()).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogAppendFailed(_logger, e, Name);
            throw FirehoseErrors.ServiceUnavailable($"Slow down. LocalCloud could not store the records durably, so none of them was accepted: {e.Message}");
        }
        finally
        {
            lock (_gate)
            {
                _appendingBytes -= incoming;
                if (--_appending == 0 && _drained is { } drained)
                {
                    _drained = null;
                    drained.TrySetResult();
                }
            }
        }

        FirehoseTelemetry.IncomingRecords.Add(appended.Count, stream);
        Signal();
        return appended.Select(r => DeterministicIds.RecordId(Settings.Incarnation, r.Sequence)).ToArray();
    }

    /// <summary>Delivers what the buffering hints say is due, after finishing an interrupted delivery.</summary>
    public Task<DeliveryCounts> DeliverDueAsync(CancellationToken cancellationToken) => DeliverAsync(flush: false, cancellationToken);

    /// <summary>Delivers every record accepted before the call.</summary>
    public Task<DeliveryCounts> FlushAsync(CancellationToken cancellationToken) => DeliverAsync(flush: true, cancellationToken);

    /// <summary>Refuses new records from now on (and waits for the appends in progress), or accepts them again.</summary>
    public Task SetStatusAsync(DeliveryStreamStatus status)
    {
        lock (_gate)
        {
            Status = status;
            if (_appending == 0)
            {
                return Task.CompletedTask;
            }

            _drained ??= NewSignal();
            return _drained.Task;
        }
    }

    /// <summary>Starts the delivery loop.</summary>
    public void Start()
    {
        if (_loop is not null)
        {
            return;
        }

        _stop = new CancellationTokenSource();
        var stop = _stop.Token;
        _loop = Task.Run(() => RunAsync(stop), CancellationToken.None);
    }

    /// <summary>Stops the loop; a delivery in progress is abandoned and finished from its plan when the stream is opened again.</summary>
    public async Task StopAsync()
    {
        if (_stop is null || _loop is null)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping is the point.
        }

        _stop.Dispose();
        _stop = null;
        _loop = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _deliveryLock.WaitAsync().ConfigureAwait(false);
        _journal.Dispose();
        _deliveryLock.Release();
    }

    /// <summary>How long until the buffer is due: null when it is empty, zero or less when it is due now.</summary>
    public TimeSpan? TimeUntilDue()
    {
        lock (_gate)
        {
            if (_buffer.Count == 0)
            {
                return null;
            }

            return _bufferedBytes >= Settings.BufferSizeBytes
                ? TimeSpan.Zero
                : _buffer[0].ArrivalTime + Settings.BufferInterval - _time.GetUtcNow();
        }
    }

    private async Task<DeliveryCounts> DeliverAsync(bool flush, CancellationToken cancellationToken)
    {
        await _deliveryLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var total = DeliveryCounts.None;
            if (_planPending)
            {
                if (_plans.Load() is { } interrupted)
                {
                    LogResuming(_logger, Name, interrupted.FirstSequence, interrupted.LastSequence, interrupted.Objects.Count);
                    total = total.Add(await CompleteAsync(interrupted, cancellationToken).ConfigureAwait(false));
                }

                _planPending = false;
            }

            var flushThrough = flush ? _journal.LastSequence : 0;
            while (TakeRange(flush, flushThrough) is { Count: > 0 } range)
            {
                total = total.Add(await DeliverRangeAsync(range, cancellationToken).ConfigureAwait(false));
            }

            return total;
        }
        finally
        {
            _deliveryLock.Release();
        }
    }

    /// <summary>The oldest buffered records, up to SizeInMBs (at least one), when they are due or being flushed.</summary>
    private List<JournalRecord> TakeRange(bool flush, long flushThrough)
    {
        lock (_gate)
        {
            if (_buffer.Count == 0)
            {
                return [];
            }

            var due = flush
                ? _buffer[0].Sequence <= flushThrough
                : _bufferedBytes >= Settings.BufferSizeBytes || _time.GetUtcNow() - _buffer[0].ArrivalTime >= Settings.BufferInterval;
            if (!due)
            {
                return [];
            }

            var range = new List<JournalRecord>();
            long bytes = 0;
            foreach (var record in _buffer)
            {
                if ((range.Count > 0 && bytes >= Settings.BufferSizeBytes) || (flush && record.Sequence > flushThrough))
                {
                    break;
                }

                range.Add(record);
                bytes += record.Data.Length;
            }

            return range;
        }
    }

    private async Task<DeliveryCounts> DeliverRangeAsync(List<JournalRecord> range, CancellationToken cancellationToken)
    {
        using var activity = FirehoseTelemetry.Source.StartActivity(
            "Firehose deliver",
            ActivityKind.Consumer,
            parentContext: default,
            links: ProducerLinks(range));
        activity?.SetTag("aws.firehose.delivery_stream", Name);
        activity?.SetTag("messaging.batch.message_count", range.Count);
        try
        {
            var processed = Settings.Lambda is null
                ? range.Select(ProcessedRecord.Unprocessed).ToArray()
                : await _transformer.TransformAsync(Settings, range, cancellationToken).ConfigureAwait(false);
            var plan = DeliveryPlanner.Plan(Settings, processed, _time.GetUtcNow());

            _planPending = true;
            _plans.Save(plan);
            var counts = await CompleteAsync(plan, cancellationToken).ConfigureAwait(false);
            _planPending = false;

            activity?.SetTag("pipeline.records.delivered", counts.Delivered);
            activity?.SetTag("pipeline.records.dropped", counts.Dropped);
            activity?.SetTag("pipeline.records.failed", counts.Failed);
            activity?.SetTag("pipeline.objects", counts.Objects);
            return counts;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }
    }

    /// <summary>Writes a plan's objects, then the checkpoint, then forgets the plan and the delivered records.</summary>
    private async Task<DeliveryCounts> CompleteAsync(DeliveryPlan plan, CancellationToken cancellationToken)
    {
        if (plan.LastSequence <= DeliveredThrough)
        {
            // The crash came after the checkpoint: the objects are all there.
            _plans.Delete();
            return DeliveryCounts.None;
        }

        var store = _objectStore();
        foreach (var o in plan.Objects)
        {
            using var content = new MemoryStream(o.Content, writable: false);
            await store.PutObjectAsync(o.Bucket, o.Key, content, new ObjectWriteOptions(ContentType: "application/octet-stream"), cancellationToken).ConfigureAwait(false);
        }

        FaultInjection.Reached(FaultPoint.FirehoseObjectsWritten);
        _checkpoint.Save(new DeliveryCheckpoint(plan.LastSequence));
        Interlocked.Exchange(ref _deliveredThrough, plan.LastSequence);
        _plans.Delete();
        lock (_gate)
        {
            var delivered = _buffer.FindLastIndex(r => r.Sequence <= plan.LastSequence) + 1;
            _bufferedBytes -= _buffer.Take(delivered).Sum(r => (long)r.Data.Length);
            _buffer.RemoveRange(0, delivered);
        }

        _journal.DeleteDeliveredSegments(plan.LastSequence);

        var stream = new KeyValuePair<string, object?>("aws.firehose.delivery_stream", Name);
        FirehoseTelemetry.DeliveredRecords.Add(plan.Counts.Delivered, stream, new KeyValuePair<string, object?>("outcome", "delivered"));
        FirehoseTelemetry.DeliveredRecords.Add(plan.Counts.Dropped, stream, new KeyValuePair<string, object?>("outcome", "dropped"));
        FirehoseTelemetry.DeliveredRecords.Add(plan.Counts.Failed, stream, new KeyValuePair<string, object?>("outcome", "failed"));
        FirehoseTelemetry.Objects.Add(plan.Objects.Count, stream);
        LogDelivered(_logger, Name, plan.Counts.Records, plan.Counts.Delivered, plan.Counts.Dropped, plan.Counts.Failed, plan.Objects.Count, plan.FirstSequence, plan.LastSequence);
        return plan.Counts;
    }

    private List<ActivityLink> ProducerLinks(List<JournalRecord> range)
    {
        var links = new List<ActivityLink>();
        var seen = new HashSet<ActivityContext>();
        foreach (var record in range)
        {
            if (links.Count >= _options.MaxSpanLinks)
            {
                break;
            }

            if (RecordTraceContext.TryExtract(record.Data, out var context) && seen.Add(context))
            {
                links.Add(new ActivityLink(context));
            }
        }

        return links;
    }

    private async Task RunAsync(CancellationToken stop)
    {
        // The delivery loop outlives the CreateDeliveryStream call that started it: deliveries are their own roots,
        // linked to the batches they carry, not part of that call's trace.
        Activity.Current = null;
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            Task wake;
            lock (_gate)
            {
                wake = _wake.Task;
            }

            try
            {
                var untilDue = TimeUntilDue();
                if (_planPending || untilDue <= TimeSpan.Zero)
                {
                    await DeliverDueAsync(stop).ConfigureAwait(false);
                    failures = 0;
                    continue;
                }

                await WaitAsync(wake, untilDue, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                failures++;
                var delay = _options.DeliveryRetryDelay * Math.Pow(2, Math.Min(failures - 1, 16));
                delay = delay < _options.DeliveryRetryMaxDelay ? delay : _options.DeliveryRetryMaxDelay;
                LogDeliveryFailed(_logger, e, Name, failures, delay.TotalSeconds);
                try
                {
                    await Task.Delay(delay, _time, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private async Task WaitAsync(Task wake, TimeSpan? untilDue, CancellationToken stop)
    {
        if (untilDue is not { } delay)
        {
            await wake.WaitAsync(stop).ConfigureAwait(false);
            return;
        }

        using var cancelDelay = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var timer = Task.Delay(delay, _time, cancelDelay.Token);
        await Task.WhenAny(wake, timer).ConfigureAwait(false);
        await cancelDelay.CancelAsync().ConfigureAwait(false);
        stop.ThrowIfCancellationRequested();
    }

    /// <summary>Takes records the journal made durable, in sequence order.</summary>
    private void Buffer(IReadOnlyList<JournalRecord> records)
    {
        lock (_gate)
        {
            _buffer.AddRange(records);
            _bufferedBytes += records.Sum(r => (long)r.Data.Length);
        }
    }

    private void Signal()
    {
        TaskCompletionSource woken;
        lock (_gate)
        {
            woken = _wake;
            _wake = NewSignal();
        }

        woken.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivered {Records} records of {Stream}: {Delivered} to S3, {Dropped} dropped, {Failed} to the error output, in {Objects} objects (journal {First}-{Last})")]
    private static partial void LogDelivered(ILogger logger, string stream, int records, int delivered, int dropped, int failed, int objects, long first, long last);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Stream} reopened with {Records} undelivered records (interrupted delivery: {Interrupted})")]
    private static partial void LogRecovered(ILogger logger, string stream, int records, bool interrupted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Finishing the interrupted delivery of {Stream} (journal {First}-{Last}, {Objects} objects)")]
    private static partial void LogResuming(ILogger logger, string stream, long first, long last, int objects);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery of {Stream} failed ({Failures} in a row); retrying in {Seconds} s")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string stream, int failures, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not append to the journal of {Stream}")]
    private static partial void LogAppendFailed(ILogger logger, Exception exception, string stream);
}
