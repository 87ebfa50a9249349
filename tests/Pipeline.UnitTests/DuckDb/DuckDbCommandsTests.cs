using DuckDB.NET.Data;
using Pipeline.DuckDb;

namespace Pipeline.UnitTests.DuckDb;

/// <summary>The one-line statement helpers: positional parameters, several statements, scalars and interrupting.</summary>
public sealed class DuckDbCommandsTests : IDisposable
{
    private readonly DuckDBConnection _connection = DuckDbConnections.OpenInMemory();

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void Parameters_bind_in_order_and_are_never_spliced_into_the_SQL()
    {
        _connection.Execute("CREATE TABLE t (name VARCHAR, n BIGINT); INSERT INTO t VALUES ('a', 1), ('b''; DROP TABLE t; --', 2)");

        Assert.Equal(2L, _connection.ExecuteScalar<long>("SELECT n FROM t WHERE name = ?", "b'; DROP TABLE t; --"));
        Assert.Equal(1L, _connection.ExecuteScalar<long>("SELECT n FROM t WHERE name = $2 AND n < $1", 5, "a"));
        Assert.True(_connection.ExecuteScalar<bool>("SELECT CAST(? AS INTEGER) IS NULL", null));
    }

    [Fact]
    public void Execute_runs_several_statements_and_reports_the_rows_changed()
    {
        Assert.Equal(3, _connection.Execute("CREATE TABLE v (x INTEGER); INSERT INTO v SELECT * FROM range(3)"));
        Assert.Equal(2, _connection.Execute("DELETE FROM v WHERE x < ?", 2));
    }

    [Fact]
    public void A_scalar_of_NULL_or_of_no_rows_is_the_default()
    {
        Assert.Null(_connection.ExecuteScalar<string>("SELECT NULL::VARCHAR"));
        Assert.Null(_connection.ExecuteScalar<long?>("SELECT 1 WHERE false"));
        Assert.Equal(0L, _connection.ExecuteScalar<long>("SELECT 1 WHERE false"));
    }

    [Fact]
    public async Task Interrupt_stops_a_running_query_from_another_thread()
    {
        using var started = new ManualResetEventSlim();
        var query = Task.Run(() =>
        {
            started.Set();
            return _connection.ExecuteScalar<long>("SELECT count(*) FROM range(10000000000) a(x) WHERE x % 7 = 3");
        });
        started.Wait();

        for (var attempt = 0; attempt < 100 && !query.IsCompleted; attempt++)
        {
            await Task.Delay(50);
            _connection.Interrupt();
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => query);
        Assert.Equal(1, _connection.ExecuteScalar<int>("SELECT 1"));
    }

    [Fact]
    public void Interrupting_a_closed_connection_does_nothing()
    {
        var connection = DuckDbConnections.OpenInMemory();
        connection.Dispose();

        connection.Interrupt();
    }
}
