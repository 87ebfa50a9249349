namespace Pipeline.DuckDb;

/// <summary>A DuckDB TIME WITH TIME ZONE: a time of day and its UTC offset.</summary>
/// <param name="Time">The local time of day.</param>
/// <param name="Offset">The offset from UTC.</param>
public readonly record struct DuckDbTimeTz(TimeOnly Time, TimeSpan Offset);
