using DuckDB.NET.Data;

namespace Pipeline.DuckDb;

/// <summary>
/// One-line statements on a <see cref="DuckDBConnection"/>: SQL with positional parameters (<c>?</c> or <c>$1</c>)
/// bound in order, instead of a command and a parameter collection at every call site.
/// </summary>
public static class DuckDbCommands
{
    /// <summary>Runs one or more statements; the rows changed (0 for statements that change none).</summary>
    public static int Execute(this DuckDBConnection connection, string sql, params object?[]? parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row as <typeparamref name="T"/>; <c>default</c> for NULL or no rows.</summary>
    public static T? ExecuteScalar<T>(this DuckDBConnection connection, string sql, params object?[]? parameters)
    {
        using var reader = connection.Query(sql, parameters);
        return reader.Read() && !reader.IsDBNull(0) ? reader.GetFieldValue<T>(0) : default;
    }

    /// <summary>A query whose result DuckDB computes whole before the first row is read.</summary>
    public static DuckDBDataReader Query(this DuckDBConnection connection, string sql, params object?[]? parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteReader();
    }

    /// <summary>
    /// A query that DuckDB computes as its rows are read, so a large result is never held whole; errors met on the
    /// way are thrown by <see cref="DuckDBDataReader.Read"/>. The connection runs nothing else until the reader is
    /// disposed.
    /// </summary>
    public static DuckDBDataReader QueryStreaming(this DuckDBConnection connection, string sql, params object?[]? parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.UseStreamingMode = true;
        return command.ExecuteReader();
    }

    /// <summary>
    /// Asks the statement running on the connection to stop (it then throws <see cref="OperationCanceledException"/>);
    /// from any thread, and a no-op on a closed connection.
    /// </summary>
    public static void Interrupt(this DuckDBConnection connection)
    {
        if (connection.State == System.Data.ConnectionState.Open)
        {
            try
            {
                connection.NativeConnection.Interrupt();
            }
            catch (InvalidOperationException)
            {
                // Closed between the check and the call: nothing runs on it any more.
            }
        }
    }

    private static DuckDBCommand Command(DuckDBConnection connection, string sql, object?[]? parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;

        // C# passes a lone null argument as the params array itself; the caller meant one NULL parameter.
        foreach (var value in parameters ?? [null])
        {
            command.Parameters.Add(new DuckDBParameter(value ?? DBNull.Value));
        }

        return command;
    }
}
