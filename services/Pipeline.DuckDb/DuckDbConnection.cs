using Pipeline.DuckDb.Native;
using Pipeline.DuckDb.Reading;

namespace Pipeline.DuckDb;

/// <summary>
/// A connection to a <see cref="DuckDbDatabase"/>: it runs SQL and holds transaction state. Not thread-safe: use
/// it from one thread at a time (only <see cref="Interrupt"/> may be called from another thread); open one
/// connection per concurrent worker instead.
/// </summary>
/// <remarks>
/// Parameters are positional (<c>?</c> or <c>$1</c>, <c>$2</c>, …) and typed from their .NET type: string,
/// bool, sbyte/short/int/long, byte/ushort/uint/ulong, Int128/UInt128, float, double, decimal, DateTime
/// (TIMESTAMP, its ticks taken as they are, whatever the Kind), DateTimeOffset (TIMESTAMPTZ), DateOnly (DATE),
/// TimeOnly (TIME), TimeSpan or <see cref="DuckDbInterval"/> (INTERVAL), Guid (UUID), byte[] (BLOB), null.
/// Passing a single <c>null</c> as the whole parameter array binds one NULL.
/// </remarks>
public sealed class DuckDbConnection : IDisposable
{
    private readonly ConnectionHandle _handle;
    private DuckDbResult? _openStream;

    internal DuckDbConnection(ConnectionHandle handle)
    {
        _handle = handle;
    }

    /// <summary>
    /// Runs one or more statements (separated by semicolons when there are no parameters) and returns the rows
    /// changed by the last one (0 for statements that change none).
    /// </summary>
    /// <exception cref="DuckDbException">DuckDB rejected or failed the statement.</exception>
    public long Execute(string sql, params object?[]? parameters)
    {
        using var result = Run(sql, parameters, streaming: false);
        return result.RowsChanged;
    }

    /// <summary>
    /// Runs a query and returns its result, fully computed by DuckDB (held in DuckDB's memory, which spills to
    /// disk) and converted to .NET values one chunk of rows at a time as you <see cref="DuckDbResult.Read"/>.
    /// The connection stays free for other statements while the result is open.
    /// </summary>
    /// <exception cref="DuckDbException">DuckDB rejected or failed the query.</exception>
    public DuckDbResult Query(string sql, params object?[]? parameters) => Run(sql, parameters, streaming: false);

    /// <summary>
    /// Runs a single statement and streams its result: DuckDB computes rows as they are read, so a huge result is
    /// never held whole. Until the result is read to the end or disposed, the connection cannot run anything else
    /// (an <see cref="InvalidOperationException"/> says so), and errors that DuckDB meets while computing later
    /// rows surface from <see cref="DuckDbResult.Read"/>.
    /// </summary>
    /// <exception cref="DuckDbException">DuckDB rejected or failed the query.</exception>
    public DuckDbResult QueryStreaming(string sql, params object?[]? parameters) => Run(sql, parameters, streaming: true);

    /// <summary>
    /// Runs a query and returns the first column of its first row as <typeparamref name="T"/> (see
    /// <see cref="DuckDbResult.GetFieldValue{T}"/>). NULL, or no rows, is <c>default</c> for a nullable
    /// <typeparamref name="T"/> and an <see cref="InvalidCastException"/> otherwise.
    /// </summary>
    /// <exception cref="DuckDbException">DuckDB rejected or failed the query.</exception>
    public T? ExecuteScalar<T>(string sql, params object?[]? parameters)
    {
        using var result = Run(sql, parameters, streaming: false);
        if (result.ColumnCount == 0 || !result.Read())
        {
            return default(T) is null
                ? default
                : throw new InvalidCastException($"The query returned no rows, which cannot be a {typeof(T).Name}; ask for a nullable type.");
        }

        return result.GetFieldValue<T>(0);
    }

    /// <summary>
    /// Asks the statement running on this connection to stop; it then fails with a <see cref="DuckDbException"/>
    /// of type <see cref="DuckDbErrorType.Interrupt"/>. Safe to call from any thread, and a no-op when idle or
    /// disposed.
    /// </summary>
    public void Interrupt()
    {
        try
        {
            NativeMethods.duckdb_interrupt(_handle);
        }
        catch (ObjectDisposedException)
        {
            // Nothing is running on a closed connection.
        }
    }

    /// <summary>
    /// Closes the connection and an open streaming result, if any. Results from <see cref="Query"/> stay readable:
    /// DuckDB materialised them.
    /// </summary>
    public void Dispose()
    {
        _openStream?.Dispose();
        _handle.Dispose();
    }

    internal void StreamFinished(DuckDbResult result)
    {
        if (ReferenceEquals(_openStream, result))
        {
            _openStream = null;
        }
    }

    private DuckDbResult Run(string sql, object?[]? parameters, bool streaming)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        ArgumentNullException.ThrowIfNull(sql);
        if (_openStream is not null)
        {
            throw new InvalidOperationException(
                "A streaming result from this connection is still open; read it to the end or dispose it before running another statement.");
        }

        // C# passes a lone null argument as the params array itself; the caller meant one NULL parameter.
        parameters ??= [null];
        if (parameters.Length == 0 && !streaming)
        {
            // duckdb_query accepts several statements separated by semicolons; preparing does not.
            var result = new ResultHandle();
            if (NativeMethods.duckdb_query(_handle, sql, result) != DuckDbState.Success)
            {
                using (result)
                {
                    throw ErrorMessages.FromResult(result);
                }
            }

            return new DuckDbResult(result, statement: null, streamOwner: null);
        }

        return RunPrepared(sql, parameters, streaming);
    }

    private unsafe DuckDbResult RunPrepared(string sql, object?[] parameters, bool streaming)
    {
        var state = NativeMethods.duckdb_prepare(_handle, sql, out var rawStatement);
        var statement = new PreparedStatementHandle(rawStatement);
        var result = new ResultHandle();
        try
        {
            var pointer = statement.DangerousGetHandle();
            if (state != DuckDbState.Success || pointer == IntPtr.Zero)
            {
                throw ErrorMessages.FromMessage(
                    pointer == IntPtr.Zero ? null : NativeMethods.ReadUtf8(NativeMethods.duckdb_prepare_error(pointer)),
                    "DuckDB could not prepare the statement.");
            }

            ParameterBinder.Bind(pointer, parameters);
            if (!streaming)
            {
                if (NativeMethods.duckdb_execute_prepared(pointer, result) != DuckDbState.Success)
                {
                    throw ErrorMessages.FromResult(result);
                }

                statement.Dispose();
                return new DuckDbResult(result, statement: null, streamOwner: null);
            }

            ExecuteStreaming(pointer, result);

            // The statement lives as long as the stream that DuckDB is still computing from it.
            var streamed = new DuckDbResult(result, statement, streamOwner: this);
            _openStream = streamed;
            return streamed;
        }
        catch
        {
            result.Dispose();
            statement.Dispose();
            throw;
        }
    }

    private static unsafe void ExecuteStreaming(IntPtr statement, ResultHandle result)
    {
        if (NativeMethods.duckdb_pending_prepared_streaming(statement, out var pending) != DuckDbState.Success)
        {
            try
            {
                throw ErrorMessages.FromMessage(NativeMethods.ReadUtf8(NativeMethods.duckdb_pending_error(pending)), "DuckDB could not start the query.");
            }
            finally
            {
                NativeMethods.duckdb_destroy_pending(&pending);
            }
        }

        try
        {
            if (NativeMethods.duckdb_execute_pending(pending, result) != DuckDbState.Success)
            {
                throw ErrorMessages.FromResult(result);
            }
        }
        finally
        {
            NativeMethods.duckdb_destroy_pending(&pending);
        }
    }
}
