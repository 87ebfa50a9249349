using System.Globalization;
using Pipeline.DuckDb.Native;

namespace Pipeline.DuckDb;

/// <summary>
/// An open DuckDB database, in memory or in a file. Thread-safe: open it once per process (DuckDB refuses a second
/// open of the same file) and call <see cref="Connect"/> from any thread, one connection per thread or task.
/// </summary>
/// <example>
/// <code>
/// using var db = DuckDbDatabase.Open(":memory:");
/// using var connection = db.Connect();
/// var count = connection.ExecuteScalar&lt;long&gt;("SELECT count(*) FROM read_json(?)", "data/*.json.gz");
/// </code>
/// </example>
public sealed class DuckDbDatabase : IDisposable
{
    /// <summary>The path that opens an in-memory database.</summary>
    public const string InMemory = ":memory:";

    private readonly DatabaseHandle _handle;

    private DuckDbDatabase(DatabaseHandle handle, string path)
    {
        _handle = handle;
        Path = path;
    }

    /// <summary>The database file, or <see cref="InMemory"/>.</summary>
    public string Path { get; }

    /// <summary>The version of the loaded libduckdb, for example "v1.5.6".</summary>
    public static unsafe string LibraryVersion
    {
        get
        {
            NativeLibraryLoader.EnsureLoaded();
            return NativeMethods.ReadUtf8(NativeMethods.duckdb_library_version()) ?? string.Empty;
        }
    }

    /// <summary>
    /// Opens (creating if needed) a database file, or an in-memory database for <see cref="InMemory"/>.
    /// </summary>
    /// <param name="path">A file path, or <see cref="InMemory"/>.</param>
    /// <param name="options">Start-up settings; null for DuckDB's defaults (with network extension installs off).</param>
    /// <exception cref="DuckDbException">DuckDB could not open the database or rejected a setting.</exception>
    /// <exception cref="DllNotFoundException">libduckdb.so could not be found or loaded.</exception>
    public static unsafe DuckDbDatabase Open(string path = InMemory, DuckDbOpenOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        NativeLibraryLoader.EnsureLoaded();

        if (NativeMethods.duckdb_create_config(out var config) != DuckDbState.Success)
        {
            throw new DuckDbException("DuckDB could not create a configuration.");
        }

        try
        {
            foreach (var (name, value) in Settings(options))
            {
                if (NativeMethods.duckdb_set_config(config, name, value) != DuckDbState.Success)
                {
                    throw new DuckDbException($"DuckDB rejected the setting {name}='{value}'.", DuckDbErrorType.InvalidConfiguration);
                }
            }

            if (NativeMethods.duckdb_open_ext(path, out var database, config, out var error) != DuckDbState.Success)
            {
                throw ErrorMessages.FromMessage(NativeMethods.TakeUtf8((byte*)error), $"DuckDB could not open '{path}'.");
            }

            return new DuckDbDatabase(new DatabaseHandle(database), path);
        }
        finally
        {
            NativeMethods.duckdb_destroy_config(&config);
        }
    }

    /// <summary>Opens a connection. Each connection is for one thread at a time; make one per worker.</summary>
    /// <exception cref="ObjectDisposedException">The database was disposed.</exception>
    public DuckDbConnection Connect()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        if (NativeMethods.duckdb_connect(_handle, out var connection) != DuckDbState.Success)
        {
            throw new DuckDbException($"DuckDB could not connect to '{Path}'.", DuckDbErrorType.Connection);
        }

        return new DuckDbConnection(new ConnectionHandle(connection));
    }

    /// <summary>
    /// Closes the database. Connections already open keep working until they are disposed (DuckDB shuts down
    /// when the last one goes); new ones cannot be made.
    /// </summary>
    public void Dispose() => _handle.Dispose();

    private static IEnumerable<(string Name, string Value)> Settings(DuckDbOpenOptions? options)
    {
        // Nothing may reach for the network: known extensions that are not built in must be installed on purpose.
        yield return ("autoinstall_known_extensions", "false");
        yield return ("autoload_known_extensions", "true");
        if (options is null)
        {
            yield break;
        }

        if (options.Threads is { } threads)
        {
            yield return ("threads", threads.ToString(CultureInfo.InvariantCulture));
        }

        if (options.MemoryLimit is { } memoryLimit)
        {
            yield return ("memory_limit", memoryLimit);
        }

        if (options.ReadOnly)
        {
            yield return ("access_mode", "READ_ONLY");
        }

        if (options.TempDirectory is { } tempDirectory)
        {
            yield return ("temp_directory", tempDirectory);
        }

        foreach (var (name, value) in options.Settings)
        {
            yield return (name, value);
        }
    }
}
