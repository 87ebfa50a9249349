namespace Pipeline.DuckDb;

/// <summary>
/// A DuckDB INTERVAL. The three parts stay separate, as in DuckDB, because a month has no fixed number of days
/// and a day no fixed number of microseconds across DST.
/// </summary>
/// <param name="Months">Whole months.</param>
/// <param name="Days">Whole days.</param>
/// <param name="Micros">Microseconds.</param>
public readonly record struct DuckDbInterval(int Months, int Days, long Micros)
{
    /// <summary>An interval of only days and microseconds, from a <see cref="TimeSpan"/> (sub-microsecond ticks are dropped).</summary>
    public static DuckDbInterval FromTimeSpan(TimeSpan value) =>
        new(0, value.Days, (value.Ticks - (value.Days * TimeSpan.TicksPerDay)) / 10);

    /// <summary>
    /// The interval as a <see cref="TimeSpan"/>, counting a day as 24 hours; throws when months are set, because
    /// they have no fixed length.
    /// </summary>
    public TimeSpan ToTimeSpan() =>
        Months != 0
            ? throw new InvalidOperationException($"An interval of {Months} month(s) has no fixed length and cannot be a TimeSpan.")
            : TimeSpan.FromDays(Days) + TimeSpan.FromTicks(checked(Micros * 10));
}
