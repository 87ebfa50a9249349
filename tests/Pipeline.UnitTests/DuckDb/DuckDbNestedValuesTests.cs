using DuckDB.NET.Data;
using Pipeline.DuckDb;
using Pipeline.LocalCloud.Athena.Results;

namespace Pipeline.UnitTests.DuckDb;

/// <summary>
/// Values read from DuckDB.NET as Athena prints them (ResultFormatter, as QueryEngine uses it): LIST, ARRAY, STRUCT and
/// MAP with NULLs anywhere, doubles in Java's notation, timestamps with milliseconds and " UTC" for instants, BLOBs in hex.
/// </summary>
public sealed class DuckDbNestedValuesTests : IDisposable
{
    private readonly DuckDBConnection _connection = DuckDbConnections.OpenInMemory();

    public DuckDbNestedValuesTests() => _connection.Execute("SET TimeZone = 'UTC'");

    public void Dispose() => _connection.Dispose();

    public static TheoryData<string, string?> Values() => new()
    {
        { "[1, NULL, 3]", "[1, null, 3]" },
        { "[[1], [], [2, 3]]", "[[1], [], [2, 3]]" },
        { "['short', NULL, 'a string that is not inlined by DuckDB, with a comma']", "[short, null, a string that is not inlined by DuckDB, with a comma]" },
        { "CAST([1.5, 1e10, NULL] AS DOUBLE[3])", "[1.5, 1.0E10, null]" },
        { "{'vin': 'YV1', 'gps': {'lat': 57.7::DOUBLE, 'lon': NULL::DOUBLE}, 'codes': ['P0100'], 'speeds': [1.0::DOUBLE, NULL]}", "{vin=YV1, gps={lat=57.7, lon=null}, codes=[P0100], speeds=[1.0, null]}" },
        { "[{'a': 1, 'b': NULL::BIGINT[]}, NULL]", "[{a=1, b=null}, null]" },
        { "MAP {'a': 1, 'b': NULL, 'c': 3}", "{a=1, b=null, c=3}" },
        { "MAP {1: 2.5::DOUBLE}", "{1=2.5}" },
        { "[12.50::DECIMAL(4,2), true::DECIMAL(4,2)]", "[12.50, 1.00]" },
        { "[true, NULL]", "[true, null]" },
        { "NULL::INTEGER[]", null },
        { "[TIMESTAMP '2024-01-02 03:04:05.5', TIMESTAMP '1999-12-31 23:59:59']", "[2024-01-02 03:04:05.500, 1999-12-31 23:59:59.000]" },
        { "[TIMESTAMPTZ '2024-01-02 03:04:05.5+02']", "[2024-01-02 01:04:05.500 UTC]" },
        { "[DATE '2024-02-29']", "[2024-02-29]" },
        { "['\\x00\\xFFab'::BLOB]", "[00ff6162]" },
        { "TIMESTAMPTZ '2024-01-02 03:04:05.5+02'", "2024-01-02 01:04:05.500 UTC" },
        { "TIMESTAMP '2024-01-02 03:04:05.678901'", "2024-01-02 03:04:05.678" },
        { "'\\x00\\xFFab'::BLOB", "00ff6162" },
        { "1e10::DOUBLE", "1.0E10" },
        { "CAST(123456.789 AS DECIMAL(9,3))", "123456.789" },
        { "12.50::DECIMAL(4,2)", "12.50" },
        { "DATE '2024-02-29'", "2024-02-29" },
        { "170141183460469231731687303715884105727::HUGEINT", "170141183460469231731687303715884105727" },
        { "NULL::VARCHAR", null },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_reads_as_Athenas_text(string literal, string? expected)
    {
        Assert.Equal(new[] { expected }, Rows($"SELECT {literal} AS v")[0]);
    }

    [Fact]
    public void Columns_keep_their_order_and_duplicate_names_beside_a_nested_one()
    {
        var rows = Rows("SELECT i AS x, [i, NULL] AS x, 'k' || i AS k FROM range(3) t(i) ORDER BY i DESC -- newest first");

        Assert.Equal(
            new[] { new string?[] { "2", "[2, null]", "k2" }, ["1", "[1, null]", "k1"], ["0", "[0, null]", "k0"] },
            rows);
    }

    [Fact]
    public void A_query_without_nested_columns_runs_as_written()
    {
        var formatter = new ResultFormatter(["BIGINT", "VARCHAR"]);

        Assert.Equal("SELECT 1, 'a'", formatter.Wrap("SELECT 1, 'a'", out var shift));
        Assert.Equal(0, shift);
    }

    private List<string?[]> Rows(string sql)
    {
        var types = new List<string>();
        using (var describe = _connection.Query("DESCRIBE " + sql))
        {
            while (describe.Read())
            {
                types.Add(describe.GetString(1));
            }
        }

        var formatter = new ResultFormatter(types);
        var rows = new List<string?[]>();
        using var result = _connection.QueryStreaming(formatter.Wrap(sql, out _));
        while (result.Read())
        {
            rows.Add(Enumerable.Range(0, result.FieldCount).Select(i => formatter.Format(result, i)).ToArray());
        }

        return rows;
    }
}
