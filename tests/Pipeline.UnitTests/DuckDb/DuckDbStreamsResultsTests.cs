using DuckDB.NET.Data;
using Pipeline.DuckDb;

namespace Pipeline.UnitTests.DuckDb;

/// <summary>A streamed result is computed as it is read, and an error DuckDB meets on the way is not a short result.</summary>
public sealed class DuckDbStreamsResultsTests : IDisposable
{
    private readonly DuckDBConnection _connection = DuckDbConnections.OpenInMemory();

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void Reading_a_stream_to_the_end_frees_the_connection()
    {
        using (var stream = _connection.QueryStreaming("SELECT * FROM range(5000)"))
        {
            var rows = 0;
            while (stream.Read())
            {
                rows++;
            }

            Assert.Equal(5000, rows);
        }

        Assert.Equal(2, _connection.ExecuteScalar<int>("SELECT 2"));
    }

    [Fact]
    public void An_error_met_while_streaming_surfaces_from_Read()
    {
        // One thread, so DuckDB stops computing when its stream buffer is full and meets the bad row mid-read.
        using var connection = DuckDbConnections.OpenInMemory(threads: 1);
        using var stream = connection.QueryStreaming(
            "SELECT CASE WHEN i < ? THEN i::VARCHAR ELSE 'boom' END::INTEGER FROM range(2000000) t(i)",
            1_000_000);
        Assert.True(stream.Read());
        var rows = 1;

        var error = Assert.Throws<DuckDBException>(() =>
        {
            while (stream.Read())
            {
                rows++;
            }
        });

        Assert.Contains("boom", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Conversion Error", error.Message, StringComparison.Ordinal);
        Assert.InRange(rows, 1, 1_000_000);
    }
}
