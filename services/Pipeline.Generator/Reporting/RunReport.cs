using Pipeline.Generator.Freshness;
using Pipeline.Generator.Sending;

namespace Pipeline.Generator.Reporting;

/// <summary>The figures of a finished run: printed at the end, and written as JSON by <c>--report</c>.</summary>
public sealed record RunReport
{
    public required string Dataset { get; init; }

    /// <summary>The delivery stream; null in a dry run.</summary>
    public string? Stream { get; init; }

    public bool DryRun { get; init; }

    /// <summary>The seed the data came from; pass it back with <c>--seed</c> to get the same records.</summary>
    public int Seed { get; init; }

    /// <summary>The <c>event_time</c> of the first record (the simulated clock's start).</summary>
    public DateTimeOffset EventTimeStart { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset FinishedAt { get; init; }

    public double DurationSeconds { get; init; }

    public double TargetRate { get; init; }

    /// <summary>Records sent (or, in a dry run, written) per second of the run.</summary>
    public double AchievedRate { get; init; }

    public long RecordsGenerated { get; init; }

    public long RecordsSent { get; init; }

    public long BytesSent { get; init; }

    public double MibSent { get; init; }

    public long RecordsFailed { get; init; }

    public long RecordsRetried { get; init; }

    /// <summary>Records left out because sending fell more than the allowed lag behind schedule.</summary>
    public long RecordsSkipped { get; init; }

    public long PutRecordBatchCalls { get; init; }

    public long PutRecordBatchErrors { get; init; }

    public required LatencySummary LatencyMs { get; init; }

    /// <summary>Whether the target rate was held and, if not, what held it back; null in a dry run.</summary>
    public BackPressureSummary? BackPressure { get; init; }

    /// <summary>Send-to-queryable times of sampled records (<c>--freshness</c>); null when not asked for.</summary>
    public FreshnessSummary? Freshness { get; init; }

    public required MalformedCounts Malformed { get; init; }

    /// <summary>Finally failed records by AWS error code or reason (<see cref="FailureReasons"/>).</summary>
    public IReadOnlyDictionary<string, long> Failures { get; init; } = new Dictionary<string, long>();

    public RunOutcome Outcome { get; init; }

    public int ExitCode { get; init; }

    /// <summary>What stopped an aborted run.</summary>
    public string? Error { get; init; }
}
