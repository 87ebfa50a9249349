using Pipeline.LocalCloud.Athena.Sql;

namespace Pipeline.UnitTests.LocalCloud.Athena;

/// <summary>Result columns carry the type names, precision and scale Athena reports for the matching Trino types.</summary>
public sealed class AthenaColumnTypeTests
{
    [Theory]
    [InlineData("VARCHAR", "varchar", 2147483647, 0)]
    [InlineData("BIGINT", "bigint", 19, 0)]
    [InlineData("HUGEINT", "bigint", 19, 0)]
    [InlineData("INTEGER", "integer", 10, 0)]
    [InlineData("DOUBLE", "double", 17, 0)]
    [InlineData("BOOLEAN", "boolean", 0, 0)]
    [InlineData("TIMESTAMP", "timestamp", 3, 0)]
    [InlineData("TIMESTAMP WITH TIME ZONE", "timestamp with time zone", 3, 0)]
    [InlineData("DATE", "date", 0, 0)]
    [InlineData("DECIMAL(18,3)", "decimal", 18, 3)]
    [InlineData("VARCHAR[]", "array", 0, 0)]
    [InlineData("STRUCT(speed_kmh DOUBLE)", "row", 0, 0)]
    [InlineData("MAP(VARCHAR, BIGINT)", "map", 0, 0)]
    public void Maps_duckdb_types(string duckDb, string athena, int precision, int scale)
    {
        var column = AthenaTypes.Column("c", duckDb);

        Assert.Equal((athena, precision, scale), (column.Type, column.Precision, column.Scale));
        Assert.Equal(("hive", "c", "UNKNOWN"), (column.CatalogName, column.Label, column.Nullable));
    }

    [Fact]
    public async Task Query_results_report_the_types_of_their_expressions()
    {
        using var harness = await AthenaHarness.CreateAsync();

        var outcome = await harness.RunAsync(
            "SELECT vin, count(*) AS n, avg(vehicle_status.speed_kmh) AS speed, CAST(1.50 AS decimal(10,2)) AS d, vehicle_status, ARRAY['a'] AS tags, true AS b, from_iso8601_timestamp(min(ts)) AS first_seen FROM events_json WHERE month = '01' AND day = '01' GROUP BY vin, vehicle_status LIMIT 1");

        Assert.Equal(
            ["varchar", "bigint", "double", "decimal", "row", "array", "boolean", "timestamp with time zone"],
            outcome.Columns.Select(c => c.Type!).ToArray());
        Assert.Equal(["vin", "n", "speed", "d", "vehicle_status", "tags", "b", "first_seen"], outcome.Columns.Select(c => c.Name!).ToArray());
    }
}
