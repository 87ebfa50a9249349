using Pipeline.DuckDb;

namespace Pipeline.UnitTests.DuckDb;

/// <summary>A streaming result holds its connection until it ends, and reports errors met while streaming.</summary>
public sealed class DuckDbStreamsResultsTests : IDisposable
{
    private readonly DuckDbDatabase _db = DuckDbDatabase.Open();
    private readonly DuckDbConnection _connection;

    public DuckDbStreamsResultsTests()
    {
        _connection = _db.Connect();
    }

    public void Dispose()
    {
        _connection.Dispose();
        _db.Dispose();
    }

    [Fact]
    public void The_connection_refuses_other_statements_while_a_stream_is_open()
    {
        var stream = _connection.QueryStreaming("SELECT * FROM range(10000)");
        Assert.True(stream.Read());

        Assert.Throws<InvalidOperationException>(() => _connection.Query("SELECT 1"));

        stream.Dispose();
        Assert.Equal(1, _connection.ExecuteScalar<int>("SELECT 1"));
    }

    [Fact]
    public void Reading_a_stream_to_the_end_frees_the_connection()
    {
        using var stream = _connection.QueryStreaming("SELECT * FROM range(5000)");
        var rows = 0;
        while (stream.Read())
        {
            rows++;
        }

        Assert.Equal(5000, rows);
        Assert.Equal(2, _connection.ExecuteScalar<int>("SELECT 2"));
    }

    [Fact]
    public void A_materialised_result_leaves_the_connection_free()
    {
        using var first = _connection.Query("SELECT * FROM range(5000)");
        Assert.True(first.Read());

        using var second = _connection.Query("SELECT 42");
        Assert.True(second.Read());
        Assert.Equal(42, second.GetInt32(0));
        Assert.True(first.Read());
        Assert.Equal(1L, first.GetInt64(0));
    }

    [Fact]
    public void An_error_met_while_streaming_surfaces_from_Read()
    {
        // One thread, so DuckDB stops computing when its stream buffer is full and meets the bad row mid-read.
        using var db = DuckDbDatabase.Open(DuckDbDatabase.InMemory, new DuckDbOpenOptions { Threads = 1 });
        using var connection = db.Connect();
        using var stream = connection.QueryStreaming(
            "SELECT CASE WHEN i < ? THEN i::VARCHAR ELSE 'boom' END::INTEGER FROM range(2000000) t(i)",
            1_000_000);
        Assert.True(stream.Read());
        var rows = 1;

        var error = Assert.Throws<DuckDbException>(() =>
        {
            while (stream.Read())
            {
                rows++;
            }
        });

        Assert.Contains("boom", error.Message, StringComparison.Ordinal);
        Assert.Equal(DuckDbErrorType.Conversion, error.ErrorType);
        Assert.InRange(rows, 1, 1_000_000);
        Assert.False(stream.Read());
        Assert.Equal(3, connection.ExecuteScalar<int>("SELECT 3"));
    }

    [Fact]
    public void Disposing_the_connection_disposes_its_open_stream()
    {
        using var connection = _db.Connect();
        var stream = connection.QueryStreaming("SELECT * FROM range(10000)");

        connection.Dispose();

        Assert.Throws<ObjectDisposedException>(() => stream.Read());
    }
}
