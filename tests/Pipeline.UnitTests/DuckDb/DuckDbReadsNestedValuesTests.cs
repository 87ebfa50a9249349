using Pipeline.DuckDb;

namespace Pipeline.UnitTests.DuckDb;

/// <summary>LIST, ARRAY, STRUCT, MAP, UNION and ENUM read as .NET structures; CAST to VARCHAR gives DuckDB's text.</summary>
public sealed class DuckDbReadsNestedValuesTests : IDisposable
{
    private readonly DuckDbDatabase _db = DuckDbDatabase.Open();
    private readonly DuckDbConnection _connection;

    public DuckDbReadsNestedValuesTests()
    {
        _connection = _db.Connect();
    }

    public void Dispose()
    {
        _connection.Dispose();
        _db.Dispose();
    }

    [Fact]
    public void A_LIST_reads_as_an_object_array_with_NULL_elements()
    {
        var value = Single("SELECT [1, NULL, 3]", DuckDbType.List);

        Assert.Equal(new object?[] { 1, null, 3 }, Assert.IsType<object?[]>(value));
    }

    [Fact]
    public void Lists_of_lists_and_of_long_strings_read_element_by_element()
    {
        using var result = _connection.Query("""
            SELECT [[1], [], [2, 3]] AS nested, ['short', 'a string that is not inlined by DuckDB'] AS words
            UNION ALL SELECT [[4]], []
            UNION ALL SELECT NULL, NULL
            """);

        Assert.True(result.Read());
        var nested = Assert.IsType<object?[]>(result.GetValue(0));
        Assert.Equal(new object?[] { 1 }, nested[0]);
        Assert.Equal(Array.Empty<object?>(), nested[1]);
        Assert.Equal(new object?[] { 2, 3 }, nested[2]);
        Assert.Equal(new object?[] { "short", "a string that is not inlined by DuckDB" }, result.GetValue(1));
        Assert.True(result.Read());
        Assert.Equal(new object?[] { new object?[] { 4 } }, result.GetValue(0));
        Assert.Equal(Array.Empty<object?>(), result.GetValue(1));
        Assert.True(result.Read());
        Assert.Null(result.GetValue(0));
        Assert.Null(result.GetValue(1));
        Assert.False(result.Read());
    }

    [Fact]
    public void A_fixed_size_ARRAY_reads_as_an_object_array()
    {
        var value = Single("SELECT CAST([1.5, 2.5, NULL] AS DOUBLE[3])", DuckDbType.Array);

        Assert.Equal(new object?[] { 1.5, 2.5, null }, value);
    }

    [Fact]
    public void A_STRUCT_reads_as_a_dictionary_in_field_order()
    {
        var value = Single("SELECT {'vin': 'YV1', 'gps': {'lat': 57.7::DOUBLE, 'lon': NULL::DOUBLE}, 'codes': ['P0100']}", DuckDbType.Struct);

        var fields = Assert.IsType<Dictionary<string, object?>>(value);
        Assert.Equal(["vin", "gps", "codes"], fields.Keys);
        Assert.Equal("YV1", fields["vin"]);
        var gps = Assert.IsType<Dictionary<string, object?>>(fields["gps"]);
        Assert.Equal(57.7, gps["lat"]);
        Assert.Null(gps["lon"]);
        Assert.Equal(new object?[] { "P0100" }, fields["codes"]);
    }

    [Fact]
    public void A_MAP_reads_as_a_dictionary()
    {
        var value = Single("SELECT MAP {'a': 1, 'b': NULL, 'c': 3}", DuckDbType.Map);

        var map = Assert.IsType<Dictionary<object, object?>>(value);
        Assert.Equal(["a", "b", "c"], map.Keys);
        Assert.Equal(1, map["a"]);
        Assert.Null(map["b"]);
    }

    [Fact]
    public void A_UNION_reads_as_the_member_that_is_set()
    {
        _connection.Execute("CREATE TABLE u (v UNION(num INTEGER, str VARCHAR)); INSERT INTO u VALUES (7), ('seven')");
        using var result = _connection.Query("SELECT v FROM u");

        Assert.Equal(DuckDbType.Union, result.ColumnTypes[0]);
        Assert.True(result.Read());
        Assert.Equal(7, result.GetValue(0));
        Assert.True(result.Read());
        Assert.Equal("seven", result.GetValue(0));
    }

    [Fact]
    public void An_ENUM_reads_as_its_label()
    {
        _connection.Execute("CREATE TYPE status AS ENUM ('ok', 'warn', 'fail')");
        using var result = _connection.Query("SELECT CAST(s AS status) FROM (VALUES ('fail'), ('ok')) v(s)");

        Assert.Equal(DuckDbType.Enum, result.ColumnTypes[0]);
        Assert.True(result.Read());
        Assert.Equal("fail", result.GetString(0));
        Assert.True(result.Read());
        Assert.Equal("ok", result.GetValue(0));
    }

    [Fact]
    public void CAST_to_VARCHAR_gives_DuckDBs_own_text_for_nested_values()
    {
        using var result = _connection.Query("""
            SELECT CAST([1, 2] AS VARCHAR), CAST({'a': 1, 'b': 'x'} AS VARCHAR), CAST(MAP {'k': 1} AS VARCHAR), to_json({'a': [1]})
            """);
        Assert.True(result.Read());

        Assert.Equal("[1, 2]", result.GetString(0));
        Assert.Equal("{'a': 1, 'b': x}", result.GetString(1));
        Assert.Equal("{k=1}", result.GetString(2));
        Assert.Equal("""{"a":[1]}""", result.GetString(3));
    }

    [Fact]
    public void GetString_on_a_nested_column_says_how_to_get_text()
    {
        using var result = _connection.Query("SELECT [1]");
        Assert.True(result.Read());

        var error = Assert.Throws<InvalidCastException>(() => result.GetString(0));

        Assert.Contains("CAST it to VARCHAR", error.Message, StringComparison.Ordinal);
    }

    private object? Single(string sql, DuckDbType type)
    {
        using var result = _connection.Query(sql);
        Assert.Equal(type, result.ColumnTypes[0]);
        Assert.True(result.Read());
        var value = result.GetValue(0);
        Assert.False(result.Read());
        return value;
    }
}
