using DuckDB.NET.Data;
using Pipeline.DuckDb;

namespace Pipeline.UnitTests.DuckDb;

/// <summary>Quoted literals and identifiers reach DuckDB as exactly the text they quote.</summary>
public sealed class DuckDbSqlQuotingTests : IDisposable
{
    private readonly DuckDbScratchFolder _folder = new();
    private readonly DuckDBConnection _connection = DuckDbConnections.OpenInMemory();


    public void Dispose()
    {
        _connection.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void A_quoted_literal_is_the_same_string()
    {
        const string text = "it's a \"test\"; DROP TABLE x; --";

        Assert.Equal(text, _connection.ExecuteScalar<string>($"SELECT {DuckDbSql.Literal(text)}"));
    }

    [Fact]
    public void A_quoted_identifier_names_a_table_with_odd_characters()
    {
        var table = DuckDbSql.Identifier("raw \"vehicle\" telemetry");
        _connection.Execute($"CREATE TABLE {table} AS SELECT 1 AS x");

        Assert.Equal(1, _connection.ExecuteScalar<int>($"SELECT x FROM {table}"));
    }

    [Fact]
    public void A_COPY_target_with_a_quote_in_its_path_is_written_there()
    {
        var file = _folder.File("o'brien.parquet");

        _connection.Execute($"COPY (SELECT 42 AS answer) TO {DuckDbSql.Literal(file)} (FORMAT parquet)");

        Assert.True(File.Exists(file));
        Assert.Equal(42, _connection.ExecuteScalar<int>("SELECT answer FROM read_parquet(?)", file));
    }
}
