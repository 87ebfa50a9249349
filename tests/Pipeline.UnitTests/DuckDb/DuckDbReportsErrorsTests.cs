using DuckDB.NET.Data;
using Pipeline.DuckDb;

namespace Pipeline.UnitTests.DuckDb;

/// <summary>
/// DuckDB's failures surface as DuckDBException whose message starts with DuckDB's category ("Parser Error: ...") and
/// draws a caret under the offending text: Athena's error shapes (DuckDbErrors) are read from both.
/// </summary>
public sealed class DuckDbReportsErrorsTests : IDisposable
{
    private readonly DuckDBConnection _connection = DuckDbConnections.OpenInMemory();

    public void Dispose() => _connection.Dispose();

    public static TheoryData<string, string> Failures() => new()
    {
        { "SELEC 1", "Parser Error: syntax error at or near \"SELEC\"" },
        { "SELECT * FROM no_such_table", "Catalog Error: Table with name no_such_table does not exist" },
        { "SELECT no_such_column FROM range(1)", "Binder Error: Referenced column \"no_such_column\" not found" },
        { "SELECT * FROM read_json('/no/such/file.json')", "IO Error: No files found that match the pattern \"/no/such/file.json\"" },
        { "SELECT * FROM read_parquet('/no/such/file.parquet')", "IO Error: No files found that match the pattern \"/no/such/file.parquet\"" },
        { "SELECT CAST('abc' AS INTEGER)", "Conversion Error: Could not convert string 'abc' to INT32" },
        { "SELECT 1::TINYINT + 200::TINYINT", "Conversion Error" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_failing_query_is_a_DuckDBException_with_DuckDBs_message(string sql, string message)
    {
        var error = Assert.Throws<DuckDBException>(() => _connection.Query(sql));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_failing_query_with_parameters_is_the_same_DuckDBException(string sql, string message)
    {
        var error = Assert.Throws<DuckDBException>(() => _connection.Query($"{sql} LIMIT ?", 10));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_message_points_a_caret_at_the_offending_text()
    {
        var error = Assert.Throws<DuckDBException>(() => _connection.Query("SELECT 1,\n  nope FROM range(1)"));

        var lines = error.Message.Split('\n');
        var line = Array.FindIndex(lines, l => l.StartsWith("LINE 2: ", StringComparison.Ordinal));
        Assert.True(line >= 0, error.Message);
        Assert.Equal(lines[line].IndexOf("nope", StringComparison.Ordinal), lines[line + 1].IndexOf('^', StringComparison.Ordinal));
    }

    [Fact]
    public void The_connection_stays_usable_after_an_error()
    {
        Assert.Throws<DuckDBException>(() => _connection.Execute("SELECT * FROM nowhere"));

        Assert.Equal(1, _connection.ExecuteScalar<int>("SELECT 1"));
    }
}
