namespace Pipeline.DuckDb;

/// <summary>
/// DuckDB's logical type ids (duckdb_type in duckdb.h; the numeric values are DuckDB's). The comment on each
/// member is what <see cref="DuckDbResult.GetValue"/> returns for it.
/// </summary>
public enum DuckDbType
{
    /// <summary>Not a type DuckDB reports for result columns.</summary>
    Invalid = 0,

    /// <summary><see cref="bool"/>.</summary>
    Boolean = 1,

    /// <summary><see cref="sbyte"/>.</summary>
    TinyInt = 2,

    /// <summary><see cref="short"/>.</summary>
    SmallInt = 3,

    /// <summary><see cref="int"/>.</summary>
    Integer = 4,

    /// <summary><see cref="long"/>.</summary>
    BigInt = 5,

    /// <summary><see cref="byte"/>.</summary>
    UTinyInt = 6,

    /// <summary><see cref="ushort"/>.</summary>
    USmallInt = 7,

    /// <summary><see cref="uint"/>.</summary>
    UInteger = 8,

    /// <summary><see cref="ulong"/>.</summary>
    UBigInt = 9,

    /// <summary><see cref="float"/>.</summary>
    Float = 10,

    /// <summary><see cref="double"/>.</summary>
    Double = 11,

    /// <summary>Microseconds since the epoch, no time zone: <see cref="System.DateTime"/> of kind Unspecified.</summary>
    Timestamp = 12,

    /// <summary><see cref="DateOnly"/>.</summary>
    Date = 13,

    /// <summary><see cref="TimeOnly"/>.</summary>
    Time = 14,

    /// <summary><see cref="DuckDbInterval"/> (months, days and microseconds do not reduce to a TimeSpan).</summary>
    Interval = 15,

    /// <summary><see cref="Int128"/>.</summary>
    HugeInt = 16,

    /// <summary><see cref="string"/>.</summary>
    Varchar = 17,

    /// <summary><see cref="byte"/>[].</summary>
    Blob = 18,

    /// <summary><see cref="decimal"/>.</summary>
    Decimal = 19,

    /// <summary>Seconds since the epoch: <see cref="System.DateTime"/> of kind Unspecified.</summary>
    TimestampS = 20,

    /// <summary>Milliseconds since the epoch: <see cref="System.DateTime"/> of kind Unspecified.</summary>
    TimestampMs = 21,

    /// <summary>Nanoseconds since the epoch: <see cref="System.DateTime"/> of kind Unspecified (100 ns precision).</summary>
    TimestampNs = 22,

    /// <summary>The label, as a <see cref="string"/>.</summary>
    Enum = 23,

    /// <summary><see cref="object"/>?[] of the element values.</summary>
    List = 24,

    /// <summary><see cref="Dictionary{TKey, TValue}"/> of string to object?, in field order.</summary>
    Struct = 25,

    /// <summary><see cref="Dictionary{TKey, TValue}"/> of object to object?, in entry order.</summary>
    Map = 26,

    /// <summary><see cref="Guid"/>.</summary>
    Uuid = 27,

    /// <summary>The value of the member that is set.</summary>
    Union = 28,

    /// <summary>A <see cref="string"/> of '0' and '1' characters.</summary>
    Bit = 29,

    /// <summary><see cref="DuckDbTimeTz"/>.</summary>
    TimeTz = 30,

    /// <summary>An instant: <see cref="DateTimeOffset"/> with offset zero.</summary>
    TimestampTz = 31,

    /// <summary><see cref="UInt128"/>.</summary>
    UHugeInt = 32,

    /// <summary><see cref="object"/>?[] of the element values (fixed length).</summary>
    Array = 33,

    /// <summary>Not a result column type.</summary>
    Any = 34,

    /// <summary>Arbitrary-precision integer; not decoded: CAST it to VARCHAR in SQL.</summary>
    BigNum = 35,

    /// <summary>The type of a bare NULL literal: always null.</summary>
    SqlNull = 36,

    /// <summary>Not a result column type.</summary>
    StringLiteral = 37,

    /// <summary>Not a result column type.</summary>
    IntegerLiteral = 38,

    /// <summary>Nanoseconds since midnight: <see cref="TimeOnly"/> (100 ns precision).</summary>
    TimeNs = 39,

    /// <summary>Spatial geometry; not decoded: convert it in SQL (for example ST_AsText).</summary>
    Geometry = 40,

    /// <summary>Semi-structured value; not decoded: CAST it to VARCHAR or JSON in SQL.</summary>
    Variant = 41,
}
