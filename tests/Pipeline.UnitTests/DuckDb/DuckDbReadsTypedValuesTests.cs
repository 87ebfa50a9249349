using Pipeline.DuckDb;

namespace Pipeline.UnitTests.DuckDb;

/// <summary>Every DuckDB scalar type reads as its documented .NET type, NULLs included.</summary>
public sealed class DuckDbReadsTypedValuesTests : IDisposable
{
    private readonly DuckDbDatabase _db = DuckDbDatabase.Open();
    private readonly DuckDbConnection _connection;

    public DuckDbReadsTypedValuesTests()
    {
        _connection = _db.Connect();
    }

    public void Dispose()
    {
        _connection.Dispose();
        _db.Dispose();
    }

    public static TheoryData<string, DuckDbType, object> Scalars() => new()
    {
        { "true", DuckDbType.Boolean, true },
        { "CAST(-1 AS TINYINT)", DuckDbType.TinyInt, (sbyte)-1 },
        { "CAST(-2 AS SMALLINT)", DuckDbType.SmallInt, (short)-2 },
        { "CAST(-3 AS INTEGER)", DuckDbType.Integer, -3 },
        { "CAST(-4 AS BIGINT)", DuckDbType.BigInt, -4L },
        { "CAST(5 AS UTINYINT)", DuckDbType.UTinyInt, (byte)5 },
        { "CAST(6 AS USMALLINT)", DuckDbType.USmallInt, (ushort)6 },
        { "CAST(7 AS UINTEGER)", DuckDbType.UInteger, 7u },
        { "CAST(18446744073709551615 AS UBIGINT)", DuckDbType.UBigInt, ulong.MaxValue },
        { "CAST(-170141183460469231731687303715884105727 AS HUGEINT)", DuckDbType.HugeInt, Int128.MinValue + 1 },
        { "CAST(340282366920938463463374607431768211455 AS UHUGEINT)", DuckDbType.UHugeInt, UInt128.MaxValue },
        { "CAST(1.25 AS FLOAT)", DuckDbType.Float, 1.25f },
        { "CAST(-2.5e300 AS DOUBLE)", DuckDbType.Double, -2.5e300 },
        { "CAST(-12.5 AS DECIMAL(4,1))", DuckDbType.Decimal, -12.5m },
        { "CAST(123456.789 AS DECIMAL(9,3))", DuckDbType.Decimal, 123456.789m },
        { "CAST(-12345678901234.5678 AS DECIMAL(18,4))", DuckDbType.Decimal, -12345678901234.5678m },
        { "CAST(1234567890123456789012345.678 AS DECIMAL(38,3))", DuckDbType.Decimal, 1234567890123456789012345.678m },
        { "'inline'", DuckDbType.Varchar, "inline" },
        { "'exactly12byt'", DuckDbType.Varchar, "exactly12byt" },
        { "'a string well past the inline limit, with ünïcødé'", DuckDbType.Varchar, "a string well past the inline limit, with ünïcødé" },
        { "''", DuckDbType.Varchar, "" },
        { "CAST('\\x00\\xFFab' AS BLOB)", DuckDbType.Blob, new byte[] { 0, 0xFF, (byte)'a', (byte)'b' } },
        { "CAST('0101100111' AS BIT)", DuckDbType.Bit, "0101100111" },
        { "DATE '2024-02-29'", DuckDbType.Date, new DateOnly(2024, 2, 29) },
        { "DATE '1900-01-01'", DuckDbType.Date, new DateOnly(1900, 1, 1) },
        { "TIME '12:34:56.789012'", DuckDbType.Time, new TimeOnly(12, 34, 56, 789, 12) },
        { "CAST('12:34:56.123456789' AS TIME_NS)", DuckDbType.TimeNs, new TimeOnly(12, 34, 56, 123, 456).Add(TimeSpan.FromTicks(7)) },
        { "TIMETZ '12:34:56+02:30'", DuckDbType.TimeTz, new DuckDbTimeTz(new TimeOnly(12, 34, 56), new TimeSpan(2, 30, 0)) },
        { "TIMESTAMP '2024-01-02 03:04:05.678901'", DuckDbType.Timestamp, new DateTime(2024, 1, 2, 3, 4, 5, 678, 901) },
        { "TIMESTAMP '1960-06-15 12:00:00.5'", DuckDbType.Timestamp, new DateTime(1960, 6, 15, 12, 0, 0, 500) },
        { "TIMESTAMP_S '2024-01-02 03:04:05'", DuckDbType.TimestampS, new DateTime(2024, 1, 2, 3, 4, 5) },
        { "TIMESTAMP_MS '2024-01-02 03:04:05.123'", DuckDbType.TimestampMs, new DateTime(2024, 1, 2, 3, 4, 5, 123) },
        { "TIMESTAMP_NS '2024-01-02 03:04:05.123456789'", DuckDbType.TimestampNs, new DateTime(2024, 1, 2, 3, 4, 5, 123, 456).AddTicks(7) },
        { "TIMESTAMP_NS '1960-01-01 00:00:00.000000001'", DuckDbType.TimestampNs, new DateTime(1960, 1, 1) },
        { "TIMESTAMPTZ '2024-01-02 03:04:05.5+02'", DuckDbType.TimestampTz, new DateTimeOffset(2024, 1, 2, 1, 4, 5, 500, TimeSpan.Zero) },
        { "INTERVAL '1 year 2 months 3 days 04:05:06.000007'", DuckDbType.Interval, new DuckDbInterval(14, 3, 14_706_000_007) },
        { "CAST('550e8400-e29b-41d4-a716-446655440000' AS UUID)", DuckDbType.Uuid, Guid.Parse("550e8400-e29b-41d4-a716-446655440000") },
        { "CAST('00000000-0000-0000-0000-000000000001' AS UUID)", DuckDbType.Uuid, Guid.Parse("00000000-0000-0000-0000-000000000001") },
        { "CAST('ffffffff-ffff-ffff-ffff-ffffffffffff' AS UUID)", DuckDbType.Uuid, Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff") },
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void A_value_reads_as_its_NET_type(string literal, DuckDbType type, object expected)
    {
        using var result = _connection.Query($"SELECT {literal} AS v");

        Assert.True(result.Read());
        Assert.Equal(type, result.ColumnTypes[0]);
        Assert.False(result.IsNull(0));
        var value = result.GetValue(0);
        Assert.IsType(expected.GetType(), value);
        Assert.Equal(expected, value);
    }

    [Theory]
    [MemberData(nameof(Scalars))]
    public void A_NULL_of_every_type_reads_as_null(string literal, DuckDbType type, object expected)
    {
        _ = expected;
        using var result = _connection.Query($"SELECT CAST(NULL AS {SqlType(literal)}) AS v, {literal} AS w");

        Assert.True(result.Read());
        Assert.Equal(type, result.ColumnTypes[0]);
        Assert.True(result.IsNull(0));
        Assert.Null(result.GetValue(0));
        Assert.False(result.IsNull(1));
    }

    [Fact]
    public void Typed_getters_widen_and_check_narrowing()
    {
        using var result = _connection.Query("""
            SELECT sum(x) AS total, CAST(7 AS TINYINT) AS small, CAST(2.5 AS DECIMAL(4,2)) AS dec,
                   CAST(1e30 AS HUGEINT) AS huge, 'text' AS s, DATE '2024-05-06' AS d, TIMESTAMP '2024-05-06 07:08:09' AS ts
            FROM range(1000) t(x)
            """);
        Assert.True(result.Read());

        Assert.Equal(DuckDbType.HugeInt, result.ColumnTypes[0]);
        Assert.Equal(499_500L, result.GetInt64(0));
        Assert.Equal(499_500, result.GetInt32(0));
        Assert.Equal(499_500d, result.GetDouble(0));
        Assert.Equal(7L, result.GetInt64(1));
        Assert.Equal(7m, result.GetDecimal(1));
        Assert.Equal(2.5d, result.GetDouble(2));
        Assert.Throws<OverflowException>(() => result.GetInt64(3));
        Assert.Equal(1e30, result.GetDouble(3), 1e15);
        Assert.Equal("text", result.GetString(4));
        Assert.Equal(new DateTime(2024, 5, 6), result.GetDateTime(5));
        Assert.Equal(new DateOnly(2024, 5, 6), result.GetDate(5));
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero), result.GetDateTimeOffset(6));
        Assert.Equal(DateTimeKind.Unspecified, result.GetDateTime(6).Kind);
    }

    [Fact]
    public void A_TIMESTAMPTZ_reads_as_a_UTC_DateTime()
    {
        using var result = _connection.Query("SELECT TIMESTAMPTZ '2024-01-02 03:04:05+02'");
        Assert.True(result.Read());

        var value = result.GetDateTime(0);

        Assert.Equal(DateTimeKind.Utc, value.Kind);
        Assert.Equal(new DateTime(2024, 1, 2, 1, 4, 5, DateTimeKind.Utc), value);
    }

    [Fact]
    public void A_getter_of_the_wrong_type_is_an_InvalidCastException_naming_the_column()
    {
        using var result = _connection.Query("SELECT 'x' AS name, 1 AS n, NULL::BIGINT AS missing");
        Assert.True(result.Read());

        var error = Assert.Throws<InvalidCastException>(() => result.GetInt64(0));
        Assert.Contains("'name'", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidCastException>(() => result.GetString(1));
        Assert.Throws<InvalidCastException>(() => result.GetBoolean(1));
        Assert.Throws<InvalidCastException>(() => result.GetGuid(1));
        Assert.Throws<InvalidCastException>(() => result.GetInt64(2));
    }

    [Fact]
    public void GetFieldValue_converts_and_maps_NULL_to_nullable_types()
    {
        using var result = _connection.Query("SELECT 42 AS n, NULL::INTEGER AS missing, 'x' AS s, 1.5::DOUBLE AS d");
        Assert.True(result.Read());

        Assert.Equal(42L, result.GetFieldValue<long>(0));
        Assert.Equal(42, result.GetFieldValue<int?>(0));
        Assert.Equal(42m, result.GetFieldValue<decimal>(0));
        Assert.Equal((short)42, result.GetFieldValue<short>(0));
        Assert.Equal("42", result.GetFieldValue<string>(0));
        Assert.Null(result.GetFieldValue<int?>(1));
        Assert.Null(result.GetFieldValue<string>(1));
        Assert.Throws<InvalidCastException>(() => result.GetFieldValue<int>(1));
        Assert.Equal("x", result.GetFieldValue<string>(2));
        Assert.Equal(1.5f, result.GetFieldValue<float>(3));
    }

    [Fact]
    public void Infinite_timestamps_and_dates_are_an_OverflowException()
    {
        using var result = _connection.Query("SELECT 'infinity'::TIMESTAMP, '-infinity'::DATE");
        Assert.True(result.Read());

        Assert.Throws<OverflowException>(() => result.GetValue(0));
        Assert.Throws<OverflowException>(() => result.GetDate(1));
    }

    [Fact]
    public void Reading_before_Read_or_past_the_last_column_is_an_error()
    {
        using var result = _connection.Query("SELECT 1");

        Assert.Throws<InvalidOperationException>(() => result.GetValue(0));
        Assert.True(result.Read());
        Assert.Throws<ArgumentOutOfRangeException>(() => result.GetValue(1));
        Assert.False(result.Read());
        Assert.Throws<InvalidOperationException>(() => result.GetValue(0));
        Assert.False(result.Read());
    }

    private static string SqlType(string literal) => literal switch
    {
        "true" => "BOOLEAN",
        _ when literal.StartsWith("CAST(", StringComparison.Ordinal) => literal[(literal.LastIndexOf(" AS ", StringComparison.Ordinal) + 4)..^1],
        _ when literal.StartsWith('\'') => "VARCHAR",
        _ => literal[..literal.IndexOf(' ', StringComparison.Ordinal)],
    };
}
