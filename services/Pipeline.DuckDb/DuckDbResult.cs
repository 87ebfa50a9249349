using System.Collections.ObjectModel;
using System.Globalization;
using Pipeline.DuckDb.Native;
using Pipeline.DuckDb.Reading;

namespace Pipeline.DuckDb;

/// <summary>
/// The rows of a query, read forward only: call <see cref="Read"/> until it returns false, and read the current
/// row's columns by index with the typed getters or <see cref="GetValue"/>. Rows are converted straight from
/// DuckDB's column vectors one chunk (up to 2048 rows) at a time, so memory on the .NET side stays flat however
/// large the result. Not thread-safe. Dispose it to free DuckDB's memory.
/// </summary>
/// <remarks>
/// <para>Typed getters throw <see cref="InvalidCastException"/> on NULL (check <see cref="IsNull"/>) and when the
/// column's type does not convert; integers widen, and narrowing (for example the HUGEINT of a SUM to
/// <see cref="long"/>) is checked.</para>
/// <para>Nested values come back as .NET structures from <see cref="GetValue"/>: LIST and ARRAY as
/// <c>object?[]</c>, STRUCT as <c>Dictionary&lt;string, object?&gt;</c> in field order, MAP as
/// <c>Dictionary&lt;object, object?&gt;</c>, UNION as its set member's value. For DuckDB's own text rendering
/// (<c>[1, 2]</c>, <c>{'a': 1}</c>, <c>{k=v}</c>) CAST the column to VARCHAR in the SQL and use
/// <see cref="GetString"/>; to_json(column) gives JSON.</para>
/// </remarks>
public sealed class DuckDbResult : IDisposable
{
    private readonly ResultHandle _result;
    private readonly PreparedStatementHandle? _statement;
    private readonly DuckDbConnection? _streamOwner;
    private readonly VectorReader[] _readers;
    private readonly string[] _names;
    private readonly DuckDbType[] _types;
    private DataChunkHandle? _chunk;
    private ulong _chunkSize;
    private ulong _row;
    private bool _onRow;
    private bool _exhausted;
    private bool _disposed;

    internal unsafe DuckDbResult(ResultHandle result, PreparedStatementHandle? statement, DuckDbConnection? streamOwner)
    {
        _result = result;
        _statement = statement;
        _streamOwner = streamOwner;
        IsStreaming = streamOwner is not null;
        RowsChanged = (long)NativeMethods.duckdb_rows_changed(result);

        var count = checked((int)NativeMethods.duckdb_column_count(result));
        _readers = new VectorReader[count];
        _names = new string[count];
        _types = new DuckDbType[count];
        try
        {
            for (var i = 0; i < count; i++)
            {
                _names[i] = NativeMethods.ReadUtf8(NativeMethods.duckdb_column_name(result, (ulong)i)) ?? string.Empty;
                var logicalType = NativeMethods.duckdb_column_logical_type(result, (ulong)i);
                try
                {
                    _readers[i] = VectorReader.Create(logicalType, _names[i]);
                }
                finally
                {
                    NativeMethods.duckdb_destroy_logical_type(&logicalType);
                }

                _types[i] = _readers[i].Type;
            }
        }
        catch
        {
            // The caller never sees this result, so nobody else would free DuckDB's side of it.
            result.Dispose();
            statement?.Dispose();
            throw;
        }

        ColumnNames = new ReadOnlyCollection<string>(_names);
        ColumnTypes = new ReadOnlyCollection<DuckDbType>(_types);
    }

    /// <summary>The number of columns.</summary>
    public int ColumnCount => _names.Length;

    /// <summary>The column names, as DuckDB reports them.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>The column types (for a DECIMAL's precision or a STRUCT's fields, DESCRIBE the query in SQL).</summary>
    public IReadOnlyList<DuckDbType> ColumnTypes { get; }

    /// <summary>Rows inserted, updated or deleted by the statement; 0 for queries.</summary>
    public long RowsChanged { get; }

    /// <summary>Whether DuckDB computes the rows as they are read (<see cref="DuckDbConnection.QueryStreaming"/>).</summary>
    public bool IsStreaming { get; }

    /// <summary>The index of a column by name: an exact match first, then DuckDB's case-insensitive one.</summary>
    /// <exception cref="ArgumentException">No column has that name.</exception>
    public int GetOrdinal(string name)
    {
        var index = Array.IndexOf(_names, name);
        if (index < 0)
        {
            index = Array.FindIndex(_names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        }

        return index >= 0 ? index : throw new ArgumentException($"The result has no column '{name}'.", nameof(name));
    }

    /// <summary>Moves to the next row; false when there are no more.</summary>
    /// <exception cref="DuckDbException">A streaming query failed while computing more rows.</exception>
    public bool Read()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_exhausted)
        {
            return false;
        }

        if (_chunk is not null && _row + 1 < _chunkSize)
        {
            _row++;
            return true;
        }

        _onRow = false;
        while (true)
        {
            ReleaseChunk();
            var chunk = new DataChunkHandle(FetchChunk());
            if (chunk.IsInvalid)
            {
                chunk.Dispose();
                Finish();
                return false;
            }

            var size = NativeMethods.duckdb_data_chunk_get_size(chunk);
            if (size == 0)
            {
                chunk.Dispose();
                continue;
            }

            _chunk = chunk;
            _chunkSize = size;
            _row = 0;
            for (var i = 0; i < _readers.Length; i++)
            {
                _readers[i].Bind(NativeMethods.duckdb_data_chunk_get_vector(chunk, (ulong)i));
            }

            _onRow = true;
            return true;
        }
    }

    /// <summary>Whether the column is NULL in the current row.</summary>
    public bool IsNull(int column)
    {
        var isNull = !Current(column).IsValid(_row);
        GC.KeepAlive(this);
        return isNull;
    }

    /// <summary>
    /// The column's value in the current row as the .NET type listed on <see cref="DuckDbType"/>, or null for NULL.
    /// </summary>
    /// <exception cref="NotSupportedException">The type is one this binding does not decode (BIGNUM, GEOMETRY, VARIANT).</exception>
    /// <exception cref="OverflowException">The value does not fit the .NET type (infinite dates, very wide decimals).</exception>
    public object? GetValue(int column)
    {
        var value = Current(column).GetValue(_row);
        GC.KeepAlive(this);
        return value;
    }

    /// <summary>Every column of the current row, as <see cref="GetValue"/> returns them.</summary>
    public object?[] GetValues()
    {
        var values = new object?[_readers.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = GetValue(i);
        }

        return values;
    }

    /// <summary>A VARCHAR (or ENUM label).</summary>
    public string GetString(int column)
    {
        var value = NotNull(column).GetString(_row);
        GC.KeepAlive(this);
        return value;
    }

    /// <summary>Any integer column, narrowed with an overflow check.</summary>
    public long GetInt64(int column)
    {
        var value = NotNull(column).GetInt64(_row);
        GC.KeepAlive(this);
        return value;
    }

    /// <summary>Any integer column, narrowed with an overflow check.</summary>
    public int GetInt32(int column) => checked((int)GetInt64(column));

    /// <summary>A FLOAT, DOUBLE, DECIMAL or integer column.</summary>
    public double GetDouble(int column)
    {
        var value = NotNull(column).GetDouble(_row);
        GC.KeepAlive(this);
        return value;
    }

    /// <summary>A DECIMAL, integer, FLOAT or DOUBLE column.</summary>
    public decimal GetDecimal(int column)
    {
        var value = NotNull(column).GetDecimal(_row);
        GC.KeepAlive(this);
        return value;
    }

    /// <summary>A BOOLEAN.</summary>
    public bool GetBoolean(int column)
    {
        var value = NotNull(column).GetBoolean(_row);
        GC.KeepAlive(this);
        return value;
    }

    /// <summary>
    /// A TIMESTAMP (any precision) or DATE as a DateTime of kind Unspecified, or a TIMESTAMPTZ as kind Utc.
    /// </summary>
    public DateTime GetDateTime(int column)
    {
        var value = NotNull(column).GetDateTime(_row);
        GC.KeepAlive(this);
        return value;
    }

    /// <summary>A TIMESTAMPTZ as its instant (offset zero); a naive TIMESTAMP or DATE is taken as UTC.</summary>
    public DateTimeOffset GetDateTimeOffset(int column)
    {
        var value = NotNull(column).GetDateTimeOffset(_row);
        GC.KeepAlive(this);
        return value;
    }

    /// <summary>A DATE.</summary>
    public DateOnly GetDate(int column)
    {
        var value = NotNull(column).GetDate(_row);
        GC.KeepAlive(this);
        return value;
    }

    /// <summary>A UUID.</summary>
    public Guid GetGuid(int column)
    {
        var value = NotNull(column).GetGuid(_row);
        GC.KeepAlive(this);
        return value;
    }

    /// <summary>A BLOB (or the UTF-8 bytes of a VARCHAR).</summary>
    public byte[] GetBlob(int column)
    {
        var value = NotNull(column).GetBlob(_row);
        GC.KeepAlive(this);
        return value;
    }

    /// <summary>
    /// The column as <typeparamref name="T"/>: the typed getter when there is one (so long, int, double, decimal,
    /// bool, string, DateTime, DateTimeOffset, DateOnly, Guid, byte[] convert as those do), else the
    /// <see cref="GetValue"/> object, converted with <see cref="Convert.ChangeType(object, Type, IFormatProvider)"/>
    /// if it is not already a <typeparamref name="T"/>. NULL is <c>default</c> for nullable types and an
    /// <see cref="InvalidCastException"/> for others.
    /// </summary>
    public T GetFieldValue<T>(int column)
    {
        var reader = Current(column);
        if (!reader.IsValid(_row))
        {
            return default(T) is null
                ? default!
                : throw new InvalidCastException($"Column '{_names[column]}' is NULL in this row, which cannot be a {typeof(T).Name}; ask for a nullable type.");
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        object? value =
            target == typeof(long) ? GetInt64(column) :
            target == typeof(int) ? GetInt32(column) :
            target == typeof(double) ? GetDouble(column) :
            target == typeof(decimal) ? GetDecimal(column) :
            target == typeof(bool) ? GetBoolean(column) :
            target == typeof(string) && _types[column] is DuckDbType.Varchar or DuckDbType.Enum ? GetString(column) :
            target == typeof(DateTime) ? GetDateTime(column) :
            target == typeof(DateTimeOffset) ? GetDateTimeOffset(column) :
            target == typeof(DateOnly) ? GetDate(column) :
            target == typeof(Guid) ? GetGuid(column) :
            target == typeof(byte[]) ? GetBlob(column) :
            GetValue(column);

        if (value is T typed)
        {
            return typed;
        }

        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(target))
        {
            return (T)Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }

        throw new InvalidCastException($"Column '{_names[column]}' ({_types[column]}) holds a {value?.GetType().Name}, which is not a {typeof(T).Name}.");
    }

    /// <summary>Frees the result in DuckDB. Safe to call more than once.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _onRow = false;
        ReleaseChunk();
        _result.Dispose();
        _statement?.Dispose();
        _streamOwner?.StreamFinished(this);
    }

    private VectorReader Current(int column)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_onRow)
        {
            throw new InvalidOperationException("There is no current row: call Read() and check that it returned true.");
        }

        return (uint)column < (uint)_readers.Length
            ? _readers[column]
            : throw new ArgumentOutOfRangeException(nameof(column), column, $"The result has {_readers.Length} column(s).");
    }

    private VectorReader NotNull(int column)
    {
        var reader = Current(column);
        return reader.IsValid(_row)
            ? reader
            : throw new InvalidCastException($"Column '{_names[column]}' is NULL in this row; check IsNull first, or use GetValue or a nullable GetFieldValue.");
    }

    private IntPtr FetchChunk()
    {
        // duckdb_fetch_chunk takes the result struct by value; the handle must stay open while DuckDB reads it.
        var added = false;
        _result.DangerousAddRef(ref added);
        try
        {
            return NativeMethods.duckdb_fetch_chunk(_result.Value);
        }
        finally
        {
            if (added)
            {
                _result.DangerousRelease();
            }
        }
    }

    private unsafe void Finish()
    {
        _exhausted = true;
        _onRow = false;
        _streamOwner?.StreamFinished(this);

        // A stream that fails part-way ends like one that is done; only the result's error tells them apart.
        var error = NativeMethods.ReadUtf8(NativeMethods.duckdb_result_error(_result));
        if (error is not null)
        {
            throw ErrorMessages.FromResult(_result);
        }
    }

    private void ReleaseChunk()
    {
        _chunk?.Dispose();
        _chunk = null;
        _chunkSize = 0;
    }
}
