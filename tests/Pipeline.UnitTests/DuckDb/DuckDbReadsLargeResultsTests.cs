using DuckDB.NET.Data;
using Pipeline.DuckDb;

namespace Pipeline.UnitTests.DuckDb;

/// <summary>Results of many chunks read every row in order, materialised or streamed (Athena streams its results).</summary>
public sealed class DuckDbReadsLargeResultsTests : IDisposable
{
    private const int Rows = 100_000;
    private const string Sql = "SELECT i, 'row-' || i AS label, CASE WHEN i % 10 = 0 THEN NULL ELSE i * 0.5 END AS half FROM range(?) t(i) ORDER BY i";

    private readonly DuckDBConnection _connection = DuckDbConnections.OpenInMemory();


    public void Dispose() => _connection.Dispose();

    [Fact]
    public void A_materialised_result_of_100k_rows_reads_every_row_in_order()
    {
        using var result = _connection.Query(Sql, Rows);

        AssertEveryRow(result);
    }

    [Fact]
    public void A_streamed_result_of_100k_rows_reads_every_row_in_order()
    {
        using var result = _connection.QueryStreaming(Sql, Rows);

        AssertEveryRow(result);
    }

    private static void AssertEveryRow(DuckDBDataReader result)
    {
        long expected = 0;
        while (result.Read())
        {
            Assert.Equal(expected, result.GetInt64(0));
            if (expected % 997 == 0)
            {
                Assert.Equal($"row-{expected}", result.GetString(1));
            }

            Assert.Equal(expected % 10 == 0, result.IsDBNull(2));
            expected++;
        }

        Assert.Equal(Rows, expected);
    }
}
