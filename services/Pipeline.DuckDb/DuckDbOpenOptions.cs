namespace Pipeline.DuckDb;

/// <summary>
/// Start-up settings for <see cref="DuckDbDatabase.Open"/>. Whatever is set here, the database never installs
/// extensions from the network (<c>autoinstall_known_extensions=false</c>) unless <see cref="Settings"/> says so
/// explicitly; extensions built into libduckdb (json, parquet) still load on first use.
/// </summary>
public sealed class DuckDbOpenOptions
{
    /// <summary>Worker threads (DuckDB's <c>threads</c>); DuckDB's default is one per core.</summary>
    public int? Threads { get; init; }

    /// <summary>DuckDB's <c>memory_limit</c>, for example "1GB"; DuckDB's default is 80% of RAM.</summary>
    public string? MemoryLimit { get; init; }

    /// <summary>Opens a database file read-only (<c>access_mode=READ_ONLY</c>), so that other processes may read it too.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Where DuckDB spills to disk (<c>temp_directory</c>); DuckDB's default is beside the database file.</summary>
    public string? TempDirectory { get; init; }

    /// <summary>Any other DuckDB configuration option by name (see <c>SELECT * FROM duckdb_settings()</c>); applied last.</summary>
    public IDictionary<string, string> Settings { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
