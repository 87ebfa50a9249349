namespace Pipeline.Generator.Data;

/// <summary>How a <see cref="RecordSource"/> generates: what seeds it, its simulated clock, how many flawed records.</summary>
public sealed record RecordSourceOptions
{
    /// <summary>The instant a seeded run starts at when no start time is given, so its output is byte-identical.</summary>
    public static readonly DateTimeOffset SeededStartTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public int Seed { get; init; }

    /// <summary>The <c>event_time</c> of the first record; the n-th record is stamped <c>StartTime + n / Rate</c>.</summary>
    public DateTimeOffset StartTime { get; init; } = SeededStartTime;

    /// <summary>Records per second of the simulated clock; also sizes the fleet and the pool of live sessions.</summary>
    public double Rate { get; init; } = 100;

    /// <summary>Fraction (0..1) of records that are deliberately malformed.</summary>
    public double InvalidRatio { get; init; }
}
