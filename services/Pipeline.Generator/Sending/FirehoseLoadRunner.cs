using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using Pipeline.Aws.Firehose;
using Pipeline.Generator.Data;
using Pipeline.Generator.Freshness;
using Pipeline.ServiceDefaults.Tracing;
using Pipeline.AwsShapes.Firehose;

namespace Pipeline.Generator.Sending;

/// <summary>
/// Pushes records from a source into a Firehose delivery stream at a steady rate.
/// <list type="bullet">
/// <item>Pacing: record <c>i</c> is due <c>i / rate</c> after the start. Due records are collected into a batch that is
/// sent when it is full (records or bytes) or at the next tick of a fixed grid, so every second carries the same
/// number of records and nothing waits long at low rates.</item>
/// <item>Limits: at most <see cref="LoadOptions.BatchSize"/> (≤ 500) records and 4 MiB per call; a record over
/// 1,000 KiB is counted as failed and never sent.</item>
/// <item>Back-pressure: at most <see cref="LoadOptions.MaxInFlight"/> calls at once; the producer waits for a free slot.</item>
/// <item>Retries: the entries a call rejects, and only those, are resent; a call that throws is retried whole; both
/// with capped exponential backoff and jitter, up to <see cref="LoadOptions.MaxAttempts"/>. Errors that cannot heal
/// (no such stream, access denied) stop the run.</item>
/// <item>Tracing: each batch is a Producer span, and each record carries that span's <c>traceparent</c>.</item>
/// <item>Control: a <see cref="RunControl"/> pauses the schedule (the paused time is not made up afterwards) and adds
/// bursts of records on top of it.</item>
/// </list>
/// Time comes from a <see cref="TimeProvider"/>, so tests run minutes of schedule in milliseconds. The record memory
/// handed to the client is pooled: it is valid for the duration of the call only.
/// </summary>
public sealed class FirehoseLoadRunner
{
    private readonly IFirehoseClient _client;
    private readonly IRecordSource _source;
    private readonly LoadOptions _options;
    private readonly TimeProvider _time;
    private readonly RetryBackoff _backoff;
    private readonly SemaphoreSlim _slots;
    private readonly RunControl _control;
    private readonly ConcurrentBag<RecordBatch> _pool = [];
    private readonly ArrayBufferWriter<byte> _staging = new(16 * 1024);
    private CancellationTokenSource? _stop;
    private string _stopReason = FailureReasons.Cancelled;
    private Exception? _fatalError;
    private int _started;

    public FirehoseLoadRunner(IFirehoseClient client, IRecordSource source, LoadOptions options, TimeProvider? time = null, RunStatistics? statistics = null, RunControl? control = null)
    {
        options.Validate();
        _client = client;
        _source = source;
        _options = options;
        _time = time ?? TimeProvider.System;
        _backoff = new RetryBackoff(options.BaseBackoff, options.MaxBackoff, new Random());
        _slots = new SemaphoreSlim(options.MaxInFlight, options.MaxInFlight);
        Statistics = statistics ?? new RunStatistics(_time);
        _control = control ?? new RunControl();
    }

    public RunStatistics Statistics { get; }

    /// <summary>Picks accepted records for the freshness probe to follow; null samples none.</summary>
    public FreshnessSampler? Freshness { get; init; }

    /// <summary>The error that stopped the run, when the outcome is <see cref="RunOutcome.Aborted"/>.</summary>
    public Exception? FatalError => Volatile.Read(ref _fatalError);

    /// <summary>Records dropped from the schedule because sending fell more than <see cref="LoadOptions.MaxLag"/> behind.</summary>
    public long SkippedBySchedule { get; private set; }

    /// <summary>Runs once: sends until the count or duration is reached, then waits for every call under way.</summary>
    public async Task<RunOutcome> RunAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("A runner runs once; create another for another run.");
        }

        using var stopSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _stop = stopSource;
        var stop = stopSource.Token;
        var pacer = new Pacer(_options.Rate, _options.MaxLag);
        var limit = _options.Count ?? (long)Math.Floor(_options.Duration!.Value.TotalSeconds * _options.Rate);
        var interval = _options.BatchInterval;
        Statistics.Start();
        var start = _time.GetTimestamp();
        long produced = 0;
        long tick = 1;
        RecordBatch? batch = null;
        try
        {
            while (produced < limit && !stop.IsCancellationRequested)
            {
                batch = await AddBurstAsync(batch, stop);
                if (_control.IsPaused)
                {
                    if (batch is { Count: > 0 })
                    {
                        await DispatchAsync(batch, stop);
                        batch = null;
                    }

                    // The schedule resumes where it stopped: the paused time moves its start, nothing is made up.
                    var pausedAt = _time.GetTimestamp();
                    await WaitForChangeAsync(Timeout.InfiniteTimeSpan, stop);
                    start += _time.GetTimestamp() - pausedAt;
                    continue;
                }

                var elapsed = _time.GetElapsedTime(start);
                var due = Math.Min(limit, pacer.DueCount(produced, elapsed));
                for (; produced < due; produced++)
                {
                    batch = await AddNextAsync(batch, stop);
                }

                if (elapsed >= interval * tick)
                {
                    if (batch is { Count: > 0 })
                    {
                        await DispatchAsync(batch, stop);
                        batch = null;
                    }

                    tick = (long)(elapsed.Ticks / interval.Ticks) + 1;
                }

                if (produced >= limit || elapsed >= _options.Duration)
                {
                    break;
                }

                // Sleep until the next tick of the grid or until the open batch would fill, whichever is first.
                var room = _options.BatchSize - (batch?.Count ?? 0);
                var wake = Min(interval * tick, pacer.DueAt(produced + room - 1));
                if (_options.Duration is { } duration)
                {
                    wake = Min(wake, duration);
                }

                // Timers count whole milliseconds and Task.Delay truncates: round up, or a wait shorter than 1 ms
                // returns at once and the loop spins until the record is due.
                var delay = wake - _time.GetElapsedTime(start);
                if (delay > TimeSpan.Zero)
                {
                    await WaitForChangeAsync(TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds)), stop);
                }
            }

            if (batch is { Count: > 0 })
            {
                await DispatchAsync(batch, stop);
                batch = null;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Interrupted or aborted: what was not handed to a sender is accounted for below.
        }
        finally
        {
            if (batch is { Count: > 0 })
            {
                Statistics.Failed(batch.Count, _stopReason);
                Return(batch);
            }

            // Wait for every call under way: they finish, or see the stop and account for their records.
            for (var i = 0; i < _options.MaxInFlight; i++)
            {
                await _slots.WaitAsync(CancellationToken.None);
            }

            _slots.Release(_options.MaxInFlight);
            SkippedBySchedule = pacer.Skipped;
            Statistics.Stop();
        }

        return FatalError is not null ? RunOutcome.Aborted
            : cancellationToken.IsCancellationRequested ? RunOutcome.Cancelled
            : Statistics.Snapshot().Failed > 0 ? RunOutcome.CompletedWithFailures
            : RunOutcome.Completed;
    }

    /// <summary>Adds the records bursts asked for, beyond the schedule and its limit.</summary>
    private async ValueTask<RecordBatch?> AddBurstAsync(RecordBatch? batch, CancellationToken stop)
    {
        for (var burst = _control.TakeBurst(); burst > 0 && !stop.IsCancellationRequested; burst--)
        {
            batch = await AddNextAsync(batch, stop);
        }

        return batch;
    }

    /// <summary>Waits for <paramref name="delay"/>, or less when the control changes (a burst, a pause, a resume).</summary>
    private async Task WaitForChangeAsync(TimeSpan delay, CancellationToken stop)
    {
        var changed = _control.Changed;
        if (_control.PendingBurst > 0)
        {
            return;
        }

        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var sleep = Task.Delay(delay, _time, wake.Token);
        await Task.WhenAny(sleep, changed).ConfigureAwait(false);
        await wake.CancelAsync().ConfigureAwait(false);
        await sleep.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stop.ThrowIfCancellationRequested();
    }

    private async ValueTask<RecordBatch?> AddNextAsync(RecordBatch? batch, CancellationToken stop)
    {
        _staging.ResetWrittenCount();
        var flaw = _source.WriteNext(_staging);
        Statistics.Generated(flaw);
        var body = _staging.WrittenSpan;

        // Truncated JSON has no closing brace to put a field before; it goes as it is.
        var inject = _source.CarriesTraceParent && flaw != RecordFlaw.InvalidJson;
        var size = RecordBatch.SealedSize(body, inject);
        if (size > FirehoseLimits.MaxRecordBytes)
        {
            Statistics.Failed(1, FailureReasons.RecordTooLarge);
            return batch;
        }

        if (batch is not null && batch.PayloadBytes + size > FirehoseLimits.MaxBatchBytes)
        {
            try
            {
                await DispatchAsync(batch, stop);
            }
            catch (OperationCanceledException)
            {
                // The record in hand goes nowhere either; count it so generated = sent + failed still holds.
                Statistics.Failed(1, _stopReason);
                throw;
            }

            batch = null;
        }

        batch ??= Rent();
        batch.Add(_staging.WrittenSpan, inject);
        if (batch.Count >= _options.BatchSize)
        {
            await DispatchAsync(batch, stop);
            return null;
        }

        return batch;
    }

    private async ValueTask DispatchAsync(RecordBatch batch, CancellationToken stop)
    {
        try
        {
            // A slot free at once costs nothing; waiting for one means the endpoint is setting the pace.
            if (!_slots.Wait(0, CancellationToken.None))
            {
                var waitFrom = _time.GetTimestamp();
                await _slots.WaitAsync(stop);
                Statistics.WaitedForSlot(batch.Count, _time.GetElapsedTime(waitFrom));
            }
        }
        catch (OperationCanceledException)
        {
            Statistics.Failed(batch.Count, _stopReason);
            Return(batch);
            throw;
        }

        _ = SendAsync(batch);
    }

    private async Task SendAsync(RecordBatch batch)
    {
        var count = batch.Count;
        Statistics.RequestStarted(count);
        try
        {
            // Each batch starts its own trace: the records it carries are what downstream spans continue.
            Activity.Current = null;
            using var activity = GeneratorTelemetry.Source.StartActivity($"send {_options.DeliveryStream}", ActivityKind.Producer);
            activity?.SetTag("messaging.system", "aws_firehose");
            activity?.SetTag("messaging.operation.type", "send");
            activity?.SetTag("messaging.destination.name", _options.DeliveryStream);
            activity?.SetTag("messaging.batch.message_count", count);
            batch.Seal(activity is null ? null : TraceParent.Format(activity.Context));
            await SendWithRetriesAsync(batch.Records, activity);
        }
        catch (Exception e)
        {
            // A bug here must not take the run down silently: count the records and keep going.
            Statistics.Failed(count, e.GetType().Name);
        }
        finally
        {
            Statistics.RequestFinished(count);
            Return(batch);
            _slots.Release();
        }
    }

    private async Task SendWithRetriesAsync(IReadOnlyList<ReadOnlyMemory<byte>> records, Activity? activity)
    {
        var pending = records;
        var stop = _stop!.Token;
        for (var attempt = 1; ; attempt++)
        {
            string reason;
            var started = _time.GetTimestamp();
            try
            {
                var result = await _client.PutRecordBatchAsync(_options.DeliveryStream, pending, stop);
                Statistics.CallAnswered(_time.GetElapsedTime(started));
                if ((result.RequestResponses?.Count ?? 0) != pending.Count)
                {
                    throw new InvalidDataException(
                        $"PutRecordBatch answered {result.RequestResponses?.Count ?? 0} entries for {pending.Count} records.");
                }

                (pending, reason) = Settle(pending, result);
                if (pending.Count == 0)
                {
                    return;
                }

                activity?.AddEvent(new ActivityEvent("partial failure", tags: new ActivityTagsCollection
                {
                    ["attempt"] = attempt,
                    ["failed_count"] = pending.Count,
                    ["error_code"] = reason,
                }));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                Statistics.Failed(pending.Count, _stopReason);
                return;
            }
            catch (Exception e) when (FirehoseErrors.IsFatal(e))
            {
                Statistics.CallFailed();
                Statistics.Failed(pending.Count, FirehoseErrors.Code(e));
                activity?.SetStatus(ActivityStatusCode.Error, e.Message);
                Abort(e);
                return;
            }
            catch (Exception e)
            {
                Statistics.CallFailed();
                reason = FirehoseErrors.Code(e);
                if (FirehoseErrors.IsThrottle(reason) || e is Pipeline.Aws.AwsServiceException { IsThrottling: true })
                {
                    Statistics.Throttled(pending.Count);
                }

                activity?.AddEvent(new ActivityEvent("call failed", tags: new ActivityTagsCollection
                {
                    ["attempt"] = attempt,
                    ["error_code"] = reason,
                }));
            }

            if (attempt >= _options.MaxAttempts)
            {
                Statistics.Failed(pending.Count, reason);
                activity?.SetStatus(ActivityStatusCode.Error, $"{pending.Count} records failed after {attempt} attempts: {reason}");
                return;
            }

            Statistics.Retried(pending.Count);
            try
            {
                await Task.Delay(_backoff.After(attempt), _time, stop);
            }
            catch (OperationCanceledException)
            {
                Statistics.Failed(pending.Count, _stopReason);
                return;
            }
        }
    }

    /// <summary>Counts the accepted entries and returns the rejected ones, in order, with the most common error code.</summary>
    private (IReadOnlyList<ReadOnlyMemory<byte>> Rejected, string Reason) Settle(IReadOnlyList<ReadOnlyMemory<byte>> sent, PutRecordBatchOutput result)
    {
        List<ReadOnlyMemory<byte>>? rejected = null;
        Dictionary<string, int>? codes = null;
        long acceptedBytes = 0;
        long throttled = 0;
        for (var i = 0; i < sent.Count; i++)
        {
            var entry = result.RequestResponses![i];
            if (entry.Failed)
            {
                (rejected ??= []).Add(sent[i]);
                if (FirehoseErrors.IsThrottle(entry.ErrorCode))
                {
                    throttled++;
                }

                codes ??= new Dictionary<string, int>(StringComparer.Ordinal);
                codes[entry.ErrorCode!] = codes.GetValueOrDefault(entry.ErrorCode!) + 1;
            }
            else
            {
                acceptedBytes += sent[i].Length;
                if (Freshness is { } sampler && sampler.Wants())
                {
                    sampler.Offer(sent[i].Span);
                }
            }
        }

        Statistics.Sent(sent.Count - (rejected?.Count ?? 0), acceptedBytes);
        if (throttled > 0)
        {
            Statistics.Throttled(throttled);
        }

        var reason = codes is null ? "" : codes.MaxBy(c => c.Value).Key;
        return (rejected ?? (IReadOnlyList<ReadOnlyMemory<byte>>)[], reason);
    }

    private void Abort(Exception error)
    {
        if (Interlocked.CompareExchange(ref _fatalError, error, null) is not null)
        {
            return;
        }

        _stopReason = FailureReasons.Aborted;
        _stop?.Cancel();
    }

    private RecordBatch Rent() => _pool.TryTake(out var batch) ? batch : new RecordBatch();

    private void Return(RecordBatch batch)
    {
        batch.Clear();
        _pool.Add(batch);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
