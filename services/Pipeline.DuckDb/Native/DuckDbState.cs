namespace Pipeline.DuckDb.Native;

/// <summary>duckdb_state.</summary>
internal enum DuckDbState
{
    Success = 0,
    Error = 1,
}
