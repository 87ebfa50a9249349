using DuckDB.NET.Data;
using Pipeline.DuckDb;
using Pipeline.LocalCloud.Athena.Sql;

namespace Pipeline.UnitTests.LocalCloud.Athena;

/// <summary>The parse tree tells which tables, columns and partition filters a query uses, and names its columns as Athena does.</summary>
public sealed class QueryAnalyzerTests : IDisposable
{
    private readonly DuckDBConnection _connection = DuckDbConnections.OpenInMemory();

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void Finds_qualified_and_bare_tables_with_their_where_terms()
    {
        var analysis = QueryAnalyzer.Analyze(_connection, "SELECT e.vin FROM awsdatacatalog.tele.events e JOIN fleet f ON e.vin = f.vin WHERE e.month = '01' AND f.active");

        Assert.Collection(
            analysis.Tables,
            t => Assert.Equal(("awsdatacatalog", "tele", "events", "e", 2), (t.Catalog, t.Schema, t.Name, t.Alias, t.Conjuncts.Count)),
            t => Assert.Equal(((string?)null, (string?)null, "fleet", "f"), (t.Catalog, t.Schema, t.Name, t.Alias)));
    }

    [Fact]
    public void Skips_cte_names_and_keeps_the_tables_inside()
    {
        var analysis = QueryAnalyzer.Analyze(_connection, "WITH recent AS (SELECT * FROM tele.events WHERE day = '02') SELECT count(*) FROM recent");

        var table = Assert.Single(analysis.Tables);
        Assert.Equal("events", table.Name);
        Assert.Single(table.Conjuncts);
    }

    [Fact]
    public void Collects_column_paths_and_stars()
    {
        var analysis = QueryAnalyzer.Analyze(_connection, "SELECT vehicle_status.speed_kmh, t.* FROM events t WHERE vendor = 'acme'");

        Assert.Contains(analysis.ColumnPaths, p => p.SequenceEqual(["vehicle_status", "speed_kmh"]));
        Assert.Contains(analysis.ColumnPaths, p => p.SequenceEqual(["vendor"]));
        Assert.Equal(["t"], analysis.Stars);
    }

    [Fact]
    public void Names_columns_as_athena_does()
    {
        var analysis = QueryAnalyzer.Analyze(_connection, "SELECT vendor, vehicle_status.speed_kmh, count(*), avg(x) AS Avg_X FROM events GROUP BY 1, 2");

        Assert.Equal(["vendor", "speed_kmh", "_col2", "avg_x"], analysis.OutputNames);
    }

    [Theory]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')", "FUNCTION_NOT_FOUND: line 1:15: Table function 'read_csv' not registered")]
    [InlineData("SELEC 1", "line 1:1: mismatched input 'SELEC'. Expecting: <expression>")]
    [InlineData("SELECT 1;\nSELECT 2", "line 1:9: mismatched input ';'. Expecting: <EOF>")]
    [InlineData("INSERT INTO t VALUES (1)", "NOT_SUPPORTED: LocalCloud's Athena runs SELECT, SHOW and DESCRIBE statements only (Only SELECT statements can be serialized to json!)")]
    public void Rejects_what_athena_would_not_run(string sql, string message)
    {
        var error = Assert.Throws<AthenaQueryException>(() => QueryAnalyzer.Analyze(_connection, sql));

        Assert.Equal((message, 2, 1006), (error.Message, error.ErrorCategory, error.ErrorType));
    }
}
