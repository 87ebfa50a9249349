using System.Collections.Concurrent;
using Pipeline.Generator.Data;

namespace Pipeline.Generator.Sending;

/// <summary>Live counters of a run, updated by the producer and the senders concurrently, read by progress and report.</summary>
public sealed class RunStatistics
{
    private readonly TimeProvider _time;
    private readonly long[] _flaws = new long[Enum.GetValues<RecordFlaw>().Length];
    private readonly ConcurrentDictionary<string, long> _failureReasons = new(StringComparer.Ordinal);
    private long _started;
    private long _stopped;
    private long _generated;
    private long _sent;
    private long _bytesSent;
    private long _failed;
    private long _retried;
    private long _calls;
    private long _callErrors;
    private int _inFlightRequests;
    private long _inFlightRecords;
    private long _throttled;
    private long _delayed;
    private long _slotWaitTicks;

    public RunStatistics(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _started = _time.GetTimestamp();
    }

    public LatencyRecorder Latencies { get; } = new();

    /// <summary>Restarts the clock the elapsed time and rates are measured with.</summary>
    public void Start()
    {
        Interlocked.Exchange(ref _started, _time.GetTimestamp());
        Interlocked.Exchange(ref _stopped, 0);
    }

    /// <summary>Freezes the elapsed time at now: the run is over.</summary>
    public void Stop() => Interlocked.Exchange(ref _stopped, _time.GetTimestamp());

    public TimeSpan Elapsed
    {
        get
        {
            var stopped = Interlocked.Read(ref _stopped);
            return stopped == 0 ? _time.GetElapsedTime(Interlocked.Read(ref _started)) : _time.GetElapsedTime(Interlocked.Read(ref _started), stopped);
        }
    }

    public void Generated(RecordFlaw flaw)
    {
        Interlocked.Increment(ref _generated);
        Interlocked.Increment(ref _flaws[(int)flaw]);
    }

    /// <summary>Counts many generated records at once: <paramref name="flaws"/> holds how many of each <see cref="RecordFlaw"/>.</summary>
    public void Generated(ReadOnlySpan<long> flaws)
    {
        for (var i = 0; i < flaws.Length; i++)
        {
            if (flaws[i] != 0)
            {
                Interlocked.Add(ref _generated, flaws[i]);
                Interlocked.Add(ref _flaws[i], flaws[i]);
            }
        }
    }

    public void Sent(long records, long bytes)
    {
        GeneratorTelemetry.Records.Add(records, new KeyValuePair<string, object?>("outcome", "sent"));
        Interlocked.Add(ref _sent, records);
        Interlocked.Add(ref _bytesSent, bytes);
    }

    public void Failed(long records, string reason)
    {
        GeneratorTelemetry.Records.Add(records, new KeyValuePair<string, object?>("outcome", "failed"), new KeyValuePair<string, object?>("error.type", reason));
        if (records <= 0)
        {
            return;
        }

        Interlocked.Add(ref _failed, records);
        _failureReasons.AddOrUpdate(reason, records, (_, n) => n + records);
    }

    public void Retried(long records) => Interlocked.Add(ref _retried, records);

    public void CallAnswered(TimeSpan latency)
    {
        Interlocked.Increment(ref _calls);
        Latencies.Record(latency);
    }

    public void CallFailed() => Interlocked.Increment(ref _callErrors);

    /// <summary>Record sends the endpoint refused with a throttling or service-unavailable answer.</summary>
    public void Throttled(long records) => Interlocked.Add(ref _throttled, records);

    /// <summary>A batch of <paramref name="records"/> waited <paramref name="waited"/> for a free call slot.</summary>
    public void WaitedForSlot(int records, TimeSpan waited)
    {
        Interlocked.Add(ref _delayed, records);
        Interlocked.Add(ref _slotWaitTicks, waited.Ticks);
    }

    public void RequestStarted(int records)
    {
        Interlocked.Increment(ref _inFlightRequests);
        Interlocked.Add(ref _inFlightRecords, records);
    }

    public void RequestFinished(int records)
    {
        Interlocked.Decrement(ref _inFlightRequests);
        Interlocked.Add(ref _inFlightRecords, -records);
    }

    public StatisticsSnapshot Snapshot() => new(
        Elapsed,
        Interlocked.Read(ref _generated),
        Interlocked.Read(ref _sent),
        Interlocked.Read(ref _bytesSent),
        Interlocked.Read(ref _failed),
        Interlocked.Read(ref _retried),
        Interlocked.Read(ref _calls),
        Interlocked.Read(ref _callErrors),
        Volatile.Read(ref _inFlightRequests),
        Interlocked.Read(ref _inFlightRecords),
        Enumerable.Range(0, _flaws.Length).Select(i => Interlocked.Read(ref _flaws[i])).ToArray(),
        new Dictionary<string, long>(_failureReasons, StringComparer.Ordinal),
        Interlocked.Read(ref _throttled),
        Interlocked.Read(ref _delayed),
        TimeSpan.FromTicks(Interlocked.Read(ref _slotWaitTicks)));
}
