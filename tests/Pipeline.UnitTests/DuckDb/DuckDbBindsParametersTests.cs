using Pipeline.DuckDb;

namespace Pipeline.UnitTests.DuckDb;

/// <summary>Each .NET parameter type binds as the matching DuckDB type and comes back unchanged.</summary>
public sealed class DuckDbBindsParametersTests : IDisposable
{
    private readonly DuckDbDatabase _db = DuckDbDatabase.Open();
    private readonly DuckDbConnection _connection;

    public DuckDbBindsParametersTests()
    {
        _connection = _db.Connect();
    }

    public void Dispose()
    {
        _connection.Dispose();
        _db.Dispose();
    }

    public static TheoryData<object, DuckDbType, string> Values() => new()
    {
        { "héllo, 'wörld' — a string longer than twelve bytes", DuckDbType.Varchar, "VARCHAR" },
        { "short", DuckDbType.Varchar, "VARCHAR" },
        { true, DuckDbType.Boolean, "BOOLEAN" },
        { (sbyte)-8, DuckDbType.TinyInt, "TINYINT" },
        { (short)-16, DuckDbType.SmallInt, "SMALLINT" },
        { -32, DuckDbType.Integer, "INTEGER" },
        { long.MinValue, DuckDbType.BigInt, "BIGINT" },
        { (byte)8, DuckDbType.UTinyInt, "UTINYINT" },
        { (ushort)16, DuckDbType.USmallInt, "USMALLINT" },
        { 32u, DuckDbType.UInteger, "UINTEGER" },
        { ulong.MaxValue, DuckDbType.UBigInt, "UBIGINT" },
        { Int128.MinValue + 1, DuckDbType.HugeInt, "HUGEINT" },
        { UInt128.MaxValue, DuckDbType.UHugeInt, "UHUGEINT" },
        { 1.5f, DuckDbType.Float, "FLOAT" },
        { Math.PI, DuckDbType.Double, "DOUBLE" },
        { -12345.6789m, DuckDbType.Decimal, "DECIMAL(9,4)" },
        { 79228162514264337593543950335m, DuckDbType.Decimal, "DECIMAL(29,0)" },
        { 0.05m, DuckDbType.Decimal, "DECIMAL(2,2)" },
        { new DateTime(2024, 2, 29, 13, 14, 15, 123, DateTimeKind.Unspecified).AddTicks(4560), DuckDbType.Timestamp, "TIMESTAMP" },
        { new DateTimeOffset(2024, 2, 29, 13, 14, 15, TimeSpan.Zero), DuckDbType.TimestampTz, "TIMESTAMP WITH TIME ZONE" },
        { new DateOnly(1969, 7, 20), DuckDbType.Date, "DATE" },
        { new TimeOnly(23, 59, 58, 999), DuckDbType.Time, "TIME" },
        { new DuckDbInterval(14, 3, 5_000_000), DuckDbType.Interval, "INTERVAL" },
        { Guid.Parse("550e8400-e29b-41d4-a716-446655440000"), DuckDbType.Uuid, "UUID" },
        { new byte[] { 0, 1, 2, 255 }, DuckDbType.Blob, "BLOB" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void A_parameter_round_trips_with_its_DuckDB_type(object value, DuckDbType type, string sqlType)
    {
        using var result = _connection.Query("SELECT $1 AS v, typeof($1) AS t", value);

        Assert.True(result.Read());
        Assert.Equal(type, result.ColumnTypes[0]);
        Assert.Equal(sqlType, result.GetString(1));
        Assert.Equal(value, result.GetValue(0));
    }

    [Fact]
    public void A_Guid_binds_as_the_same_UUID_text()
    {
        var id = Guid.NewGuid();

        Assert.Equal(id.ToString(), _connection.ExecuteScalar<string>("SELECT CAST(? AS VARCHAR)", id));
    }

    [Fact]
    public void A_DateTimeOffset_binds_as_its_instant()
    {
        var instant = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2));

        Assert.Equal(
            new DateTime(2024, 1, 2, 1, 4, 5, DateTimeKind.Utc),
            _connection.ExecuteScalar<DateTime>("SELECT CAST(? AS TIMESTAMPTZ)", instant));
    }

    [Fact]
    public void A_TimeSpan_binds_as_an_interval_of_days_and_microseconds()
    {
        Assert.Equal(
            new DuckDbInterval(0, 1, 7_200_000_000),
            _connection.ExecuteScalar<DuckDbInterval>("SELECT ?", TimeSpan.FromHours(26)));
    }

    [Fact]
    public void Null_and_DBNull_bind_as_NULL()
    {
        using var result = _connection.Query("SELECT CAST(? AS INTEGER) IS NULL, CAST(? AS VARCHAR) IS NULL", null, DBNull.Value);

        Assert.True(result.Read());
        Assert.True(result.GetBoolean(0));
        Assert.True(result.GetBoolean(1));
    }

    [Fact]
    public void A_lone_null_argument_is_one_NULL_parameter()
    {
        Assert.True(_connection.ExecuteScalar<bool>("SELECT CAST(? AS INTEGER) IS NULL", null));
    }

    [Fact]
    public void Parameters_filter_rows_and_are_never_spliced_into_the_SQL()
    {
        _connection.Execute("CREATE TABLE t (name VARCHAR, n BIGINT); INSERT INTO t VALUES ('a', 1), ('b''; DROP TABLE t; --', 2)");

        Assert.Equal(2L, _connection.ExecuteScalar<long>("SELECT n FROM t WHERE name = ?", "b'; DROP TABLE t; --"));
        Assert.Equal(1L, _connection.ExecuteScalar<long>("SELECT n FROM t WHERE name = $2 AND n < $1", 5, "a"));
    }

    [Fact]
    public void A_wrong_number_of_parameters_is_a_DuckDbException()
    {
        var error = Assert.Throws<DuckDbException>(() => _connection.Query("SELECT ?, ?", 1));

        Assert.Contains("2 parameter(s) but 1 value(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_does_not_fit_the_parameter_is_a_DuckDbException()
    {
        _connection.Execute("CREATE TABLE small (x TINYINT)");

        var error = Assert.Throws<DuckDbException>(() => _connection.Execute("INSERT INTO small VALUES (?)", 1000));

        Assert.Equal(DuckDbErrorType.Conversion, error.ErrorType);
    }

    [Fact]
    public void A_type_without_a_DuckDB_mapping_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => _connection.Query("SELECT ?", new Uri("https://example.com")));
    }
}
