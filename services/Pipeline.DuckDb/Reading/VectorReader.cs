using System.Globalization;
using System.Text;
using Pipeline.DuckDb.Native;

namespace Pipeline.DuckDb.Reading;

/// <summary>
/// Decodes one column of the current data chunk straight from DuckDB's vector memory. Built once per result
/// from the column's logical type (nested types get child readers), then rebound to each chunk's vector.
/// Chunks from duckdb_fetch_chunk are flattened by DuckDB, so every vector is a plain array plus a validity
/// bitmask (null when every row is valid).
/// </summary>
internal sealed unsafe class VectorReader
{
    private const long UnixEpochTicks = 621_355_968_000_000_000;
    private const int UnixEpochDayNumber = 719_162;
    private const int MaxTimeTzOffsetSeconds = (16 * 60 * 60) - 1;
    private const int StringSize = 16;
    private const int InlineStringLength = 12;

    private readonly string _name;
    private readonly DuckDbType _storage;
    private readonly byte _scale;
    private readonly string[]? _enumLabels;
    private readonly VectorReader[] _children;
    private readonly string[] _childNames;
    private readonly VectorReader? _unionTags;
    private readonly ulong _arraySize;
    private void* _data;
    private ulong* _validity;

    private VectorReader(string name, DuckDbType type)
    {
        _name = name;
        Type = type;
        _storage = type;
        _children = [];
        _childNames = [];
    }

    private VectorReader(
        string name,
        DuckDbType type,
        DuckDbType storage = DuckDbType.Invalid,
        byte scale = 0,
        string[]? enumLabels = null,
        VectorReader[]? children = null,
        string[]? childNames = null,
        VectorReader? unionTags = null,
        ulong arraySize = 0)
    {
        _name = name;
        Type = type;
        _storage = storage == DuckDbType.Invalid ? type : storage;
        _scale = scale;
        _enumLabels = enumLabels;
        _children = children ?? [];
        _childNames = childNames ?? [];
        _unionTags = unionTags;
        _arraySize = arraySize;
    }

    public DuckDbType Type { get; }

    /// <summary>Builds a reader for a duckdb_logical_type; the caller still owns (and destroys) the type.</summary>
    public static VectorReader Create(IntPtr logicalType, string name)
    {
        var type = NativeMethods.duckdb_get_type_id(logicalType);
        switch (type)
        {
            case DuckDbType.Decimal:
                return new VectorReader(
                    name,
                    type,
                    storage: NativeMethods.duckdb_decimal_internal_type(logicalType),
                    scale: NativeMethods.duckdb_decimal_scale(logicalType));

            case DuckDbType.Enum:
                var labels = new string[NativeMethods.duckdb_enum_dictionary_size(logicalType)];
                for (var i = 0; i < labels.Length; i++)
                {
                    labels[i] = NativeMethods.TakeUtf8(NativeMethods.duckdb_enum_dictionary_value(logicalType, (ulong)i)) ?? string.Empty;
                }

                return new VectorReader(name, type, storage: NativeMethods.duckdb_enum_internal_type(logicalType), enumLabels: labels);

            case DuckDbType.List:
            case DuckDbType.Map:
                // A MAP is a LIST of STRUCT(key, value) underneath, in its type and in its vectors.
                return new VectorReader(name, type, children: [CreateChild(NativeMethods.duckdb_list_type_child_type(logicalType), name)]);

            case DuckDbType.Array:
                return new VectorReader(
                    name,
                    type,
                    children: [CreateChild(NativeMethods.duckdb_array_type_child_type(logicalType), name)],
                    arraySize: NativeMethods.duckdb_array_type_array_size(logicalType));

            case DuckDbType.Struct:
            {
                var count = (int)NativeMethods.duckdb_struct_type_child_count(logicalType);
                var names = new string[count];
                var children = new VectorReader[count];
                for (var i = 0; i < count; i++)
                {
                    names[i] = NativeMethods.TakeUtf8(NativeMethods.duckdb_struct_type_child_name(logicalType, (ulong)i)) ?? string.Empty;
                    children[i] = CreateChild(NativeMethods.duckdb_struct_type_child_type(logicalType, (ulong)i), $"{name}.{names[i]}");
                }

                return new VectorReader(name, type, children: children, childNames: names);
            }

            case DuckDbType.Union:
            {
                var count = (int)NativeMethods.duckdb_union_type_member_count(logicalType);
                var names = new string[count];
                var members = new VectorReader[count];
                for (var i = 0; i < count; i++)
                {
                    names[i] = NativeMethods.TakeUtf8(NativeMethods.duckdb_union_type_member_name(logicalType, (ulong)i)) ?? string.Empty;
                    members[i] = CreateChild(NativeMethods.duckdb_union_type_member_type(logicalType, (ulong)i), $"{name}.{names[i]}");
                }

                return new VectorReader(name, type, children: members, childNames: names, unionTags: new VectorReader(name, DuckDbType.UTinyInt));
            }

            default:
                return new VectorReader(name, type);
        }
    }

    private static VectorReader CreateChild(IntPtr childType, string name)
    {
        if (childType == IntPtr.Zero)
        {
            throw new DuckDbException($"DuckDB returned no element type for the nested column '{name}'.");
        }

        try
        {
            return Create(childType, name);
        }
        finally
        {
            NativeMethods.duckdb_destroy_logical_type(&childType);
        }
    }

    /// <summary>Points the reader (and its children) at a vector of the current chunk.</summary>
    public void Bind(IntPtr vector)
    {
        _data = NativeMethods.duckdb_vector_get_data(vector);
        _validity = NativeMethods.duckdb_vector_get_validity(vector);
        switch (Type)
        {
            case DuckDbType.List:
            case DuckDbType.Map:
                _children[0].Bind(NativeMethods.duckdb_list_vector_get_child(vector));
                break;
            case DuckDbType.Array:
                _children[0].Bind(NativeMethods.duckdb_array_vector_get_child(vector));
                break;
            case DuckDbType.Struct:
                for (var i = 0; i < _children.Length; i++)
                {
                    _children[i].Bind(NativeMethods.duckdb_struct_vector_get_child(vector, (ulong)i));
                }

                break;
            case DuckDbType.Union:
                // A UNION is a STRUCT whose first child is the tag (the index of the member that is set).
                _unionTags!.Bind(NativeMethods.duckdb_struct_vector_get_child(vector, 0));
                for (var i = 0; i < _children.Length; i++)
                {
                    _children[i].Bind(NativeMethods.duckdb_struct_vector_get_child(vector, (ulong)i + 1));
                }

                break;
        }
    }

    public bool IsValid(ulong row) => _validity is null || (_validity[row >> 6] & (1UL << (int)(row & 63))) != 0;

    public object? GetValue(ulong row)
    {
        if (!IsValid(row))
        {
            return null;
        }

        switch (Type)
        {
            case DuckDbType.Boolean: return ((byte*)_data)[row] != 0;
            case DuckDbType.TinyInt: return ((sbyte*)_data)[row];
            case DuckDbType.SmallInt: return ((short*)_data)[row];
            case DuckDbType.Integer: return ((int*)_data)[row];
            case DuckDbType.BigInt: return ((long*)_data)[row];
            case DuckDbType.UTinyInt: return ((byte*)_data)[row];
            case DuckDbType.USmallInt: return ((ushort*)_data)[row];
            case DuckDbType.UInteger: return ((uint*)_data)[row];
            case DuckDbType.UBigInt: return ((ulong*)_data)[row];
            case DuckDbType.HugeInt: return ReadHugeInt(row);
            case DuckDbType.UHugeInt: return ReadUHugeInt(row);
            case DuckDbType.Float: return ((float*)_data)[row];
            case DuckDbType.Double: return ((double*)_data)[row];
            case DuckDbType.Decimal: return GetDecimal(row);
            case DuckDbType.Varchar: return ReadString(row);
            case DuckDbType.Enum: return ReadEnum(row);
            case DuckDbType.Blob: return ReadBytes(row).ToArray();
            case DuckDbType.Bit: return ReadBits(row);
            case DuckDbType.Uuid: return GetGuid(row);
            case DuckDbType.Date: return GetDate(row);
            case DuckDbType.Time: return ToTimeOnly(((long*)_data)[row], 10);
            case DuckDbType.TimeNs: return ToTimeOnly(((long*)_data)[row] / 100, 1);
            case DuckDbType.TimeTz: return ReadTimeTz(row);
            case DuckDbType.Timestamp:
            case DuckDbType.TimestampS:
            case DuckDbType.TimestampMs:
            case DuckDbType.TimestampNs:
                return GetDateTime(row);
            case DuckDbType.TimestampTz: return GetDateTimeOffset(row);
            case DuckDbType.Interval:
                var interval = ((DuckDbIntervalNative*)_data)[row];
                return new DuckDbInterval(interval.Months, interval.Days, interval.Micros);
            case DuckDbType.List: return ReadList(row);
            case DuckDbType.Array: return ReadArray(row);
            case DuckDbType.Struct: return ReadStruct(row);
            case DuckDbType.Map: return ReadMap(row);
            case DuckDbType.Union: return _children[((byte*)_unionTags!._data)[row]].GetValue(row);
            case DuckDbType.SqlNull: return null;
            default:
                throw new NotSupportedException(
                    $"Column '{_name}' is of DuckDB type {Type}, which this binding does not decode; CAST it to VARCHAR in the SQL.");
        }
    }

    public string GetString(ulong row) => Type switch
    {
        DuckDbType.Varchar => ReadString(row),
        DuckDbType.Enum => ReadEnum(row),
        _ => throw Mismatch("a string", "CAST it to VARCHAR in the SQL, or use GetValue"),
    };

    public long GetInt64(ulong row) => Type switch
    {
        DuckDbType.TinyInt => ((sbyte*)_data)[row],
        DuckDbType.SmallInt => ((short*)_data)[row],
        DuckDbType.Integer => ((int*)_data)[row],
        DuckDbType.BigInt => ((long*)_data)[row],
        DuckDbType.UTinyInt => ((byte*)_data)[row],
        DuckDbType.USmallInt => ((ushort*)_data)[row],
        DuckDbType.UInteger => ((uint*)_data)[row],
        DuckDbType.UBigInt => checked((long)((ulong*)_data)[row]),

        // SUM over BIGINT is a HUGEINT in DuckDB, so narrowing is the common case, checked.
        DuckDbType.HugeInt => checked((long)ReadHugeInt(row)),
        DuckDbType.UHugeInt => checked((long)ReadUHugeInt(row)),
        _ => throw Mismatch("an integer"),
    };

    public double GetDouble(ulong row) => Type switch
    {
        DuckDbType.Float => ((float*)_data)[row],
        DuckDbType.Double => ((double*)_data)[row],
        DuckDbType.Decimal => (double)ReadUnscaled(row) / Math.Pow(10, _scale),
        DuckDbType.UBigInt => ((ulong*)_data)[row],
        DuckDbType.HugeInt => (double)ReadHugeInt(row),
        DuckDbType.UHugeInt => (double)ReadUHugeInt(row),
        DuckDbType.TinyInt or DuckDbType.SmallInt or DuckDbType.Integer or DuckDbType.BigInt
            or DuckDbType.UTinyInt or DuckDbType.USmallInt or DuckDbType.UInteger => GetInt64(row),
        _ => throw Mismatch("a floating-point number"),
    };

    public decimal GetDecimal(ulong row) => Type switch
    {
        DuckDbType.Decimal => ToDecimal(ReadUnscaled(row), _scale),
        DuckDbType.Float => (decimal)((float*)_data)[row],
        DuckDbType.Double => (decimal)((double*)_data)[row],
        DuckDbType.UBigInt => ((ulong*)_data)[row],
        DuckDbType.HugeInt => (decimal)ReadHugeInt(row),
        DuckDbType.UHugeInt => (decimal)ReadUHugeInt(row),
        DuckDbType.TinyInt or DuckDbType.SmallInt or DuckDbType.Integer or DuckDbType.BigInt
            or DuckDbType.UTinyInt or DuckDbType.USmallInt or DuckDbType.UInteger => GetInt64(row),
        _ => throw Mismatch("a decimal"),
    };

    public bool GetBoolean(ulong row) =>
        Type == DuckDbType.Boolean ? ((byte*)_data)[row] != 0 : throw Mismatch("a boolean");

    public DateTime GetDateTime(ulong row) => Type switch
    {
        DuckDbType.Timestamp => FromTicks(Scale(((long*)_data)[row], 10), DateTimeKind.Unspecified),
        DuckDbType.TimestampS => FromTicks(Scale(((long*)_data)[row], TimeSpan.TicksPerSecond), DateTimeKind.Unspecified),
        DuckDbType.TimestampMs => FromTicks(Scale(((long*)_data)[row], TimeSpan.TicksPerMillisecond), DateTimeKind.Unspecified),
        DuckDbType.TimestampNs => FromTicks(FloorDiv(((long*)_data)[row], 100), DateTimeKind.Unspecified),
        DuckDbType.TimestampTz => FromTicks(Scale(((long*)_data)[row], 10), DateTimeKind.Utc),
        DuckDbType.Date => GetDate(row).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified),
        _ => throw Mismatch("a DateTime"),
    };

    /// <summary>TIMESTAMP WITH TIME ZONE as the instant it is; naive timestamps and dates are taken as UTC.</summary>
    public DateTimeOffset GetDateTimeOffset(ulong row)
    {
        var value = GetDateTime(row);
        return new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), TimeSpan.Zero);
    }

    public DateOnly GetDate(ulong row)
    {
        if (Type != DuckDbType.Date)
        {
            throw Mismatch("a DateOnly");
        }

        var dayNumber = (long)((int*)_data)[row] + UnixEpochDayNumber;
        return dayNumber is < 0 or > 3_652_058
            ? throw new OverflowException($"Column '{_name}' holds a DATE outside .NET's range (for example 'infinity').")
            : DateOnly.FromDayNumber((int)dayNumber);
    }

    public Guid GetGuid(ulong row)
    {
        if (Type != DuckDbType.Uuid)
        {
            throw Mismatch("a Guid");
        }

        // DuckDB stores a UUID as a HUGEINT with the top bit flipped, so that signed order is UUID order.
        var raw = ((DuckDbHugeInt*)_data)[row];
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, (ulong)raw.Upper ^ 0x8000_0000_0000_0000UL);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], raw.Lower);
        return new Guid(bytes, bigEndian: true);
    }

    public byte[] GetBlob(ulong row) => Type is DuckDbType.Blob or DuckDbType.Varchar
        ? ReadBytes(row).ToArray()
        : throw Mismatch("bytes");

    private InvalidCastException Mismatch(string wanted, string? hint = null) =>
        new($"Column '{_name}' is of DuckDB type {Type} and cannot be read as {wanted}{(hint is null ? "." : "; " + hint + ".")}");

    private ReadOnlySpan<byte> ReadBytes(ulong row)
    {
        // duckdb_string_t: a 4-byte length, then either the bytes inline (up to 12) or a 4-byte prefix and a pointer.
        var entry = (byte*)_data + (row * StringSize);
        var length = *(uint*)entry;
        var bytes = length <= InlineStringLength ? entry + 4 : *(byte**)(entry + 8);
        return new ReadOnlySpan<byte>(bytes, checked((int)length));
    }

    private string ReadString(ulong row) => Encoding.UTF8.GetString(ReadBytes(row));

    private string ReadEnum(ulong row)
    {
        var index = _storage switch
        {
            DuckDbType.UTinyInt => ((byte*)_data)[row],
            DuckDbType.USmallInt => ((ushort*)_data)[row],
            _ => ((uint*)_data)[row],
        };
        return _enumLabels![index];
    }

    private string ReadBits(ulong row)
    {
        // BIT: the first byte counts the padding bits at the start of the second byte; bits are MSB first.
        var bytes = ReadBytes(row);
        var padding = bytes[0];
        var builder = new StringBuilder(((bytes.Length - 1) * 8) - padding);
        for (var bit = (int)padding; bit < (bytes.Length - 1) * 8; bit++)
        {
            builder.Append(((bytes[1 + (bit / 8)] >> (7 - (bit % 8))) & 1) == 1 ? '1' : '0');
        }

        return builder.ToString();
    }

    private Int128 ReadHugeInt(ulong row)
    {
        var value = ((DuckDbHugeInt*)_data)[row];
        return new Int128((ulong)value.Upper, value.Lower);
    }

    private UInt128 ReadUHugeInt(ulong row)
    {
        var value = ((DuckDbUHugeInt*)_data)[row];
        return new UInt128(value.Upper, value.Lower);
    }

    private Int128 ReadUnscaled(ulong row) => _storage switch
    {
        DuckDbType.SmallInt => ((short*)_data)[row],
        DuckDbType.Integer => ((int*)_data)[row],
        DuckDbType.BigInt => ((long*)_data)[row],
        _ => ReadHugeInt(row),
    };

    private decimal ToDecimal(Int128 unscaled, byte scale)
    {
        var negative = Int128.IsNegative(unscaled);
        var magnitude = (UInt128)(negative ? -unscaled : unscaled);
        if (scale > 28 || (magnitude >> 96) != UInt128.Zero)
        {
            throw new OverflowException(
                $"Column '{_name}' holds a DECIMAL that System.Decimal cannot represent (28 digits of scale, 96 bits); CAST it to DOUBLE or VARCHAR in the SQL.");
        }

        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, scale);
    }

    // Floor, not truncation, so that a time before the epoch does not round up to a later tick.
    private static long FloorDiv(long value, long divisor)
    {
        var (quotient, remainder) = long.DivRem(value, divisor);
        return remainder < 0 ? quotient - 1 : quotient;
    }

    private static Int128 Scale(long value, long ticksPerUnit) => (Int128)value * ticksPerUnit;

    private DateTime FromTicks(Int128 ticksSinceEpoch, DateTimeKind kind)
    {
        var ticks = ticksSinceEpoch + UnixEpochTicks;
        return ticks < 0 || ticks > DateTime.MaxValue.Ticks
            ? throw new OverflowException($"Column '{_name}' holds a timestamp outside .NET's range (for example 'infinity').")
            : new DateTime((long)ticks, kind);
    }

    private TimeOnly ToTimeOnly(long units, long ticksPerUnit)
    {
        var ticks = (Int128)units * ticksPerUnit;
        return ticks < 0 || ticks > TimeOnly.MaxValue.Ticks
            ? throw new OverflowException($"Column '{_name}' holds a time outside .NET's TimeOnly range (24:00:00 is allowed in DuckDB).")
            : new TimeOnly((long)ticks);
    }

    private DuckDbTimeTz ReadTimeTz(ulong row)
    {
        // dtime_tz_t packs microseconds in the high 40 bits and (max offset - offset seconds) in the low 24.
        var bits = ((ulong*)_data)[row];
        var micros = (long)(bits >> 24);
        var offsetSeconds = MaxTimeTzOffsetSeconds - (int)(bits & 0xFF_FFFF);
        return new DuckDbTimeTz(ToTimeOnly(micros, 10), TimeSpan.FromSeconds(offsetSeconds));
    }

    private object?[] ReadList(ulong row)
    {
        var entry = ((DuckDbListEntry*)_data)[row];
        var items = new object?[checked((int)entry.Length)];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = _children[0].GetValue(entry.Offset + (ulong)i);
        }

        return items;
    }

    private object?[] ReadArray(ulong row)
    {
        var items = new object?[checked((int)_arraySize)];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = _children[0].GetValue((row * _arraySize) + (ulong)i);
        }

        return items;
    }

    private Dictionary<string, object?> ReadStruct(ulong row)
    {
        var fields = new Dictionary<string, object?>(_children.Length, StringComparer.Ordinal);
        for (var i = 0; i < _children.Length; i++)
        {
            fields[_childNames[i]] = _children[i].GetValue(row);
        }

        return fields;
    }

    private Dictionary<object, object?> ReadMap(ulong row)
    {
        var entry = ((DuckDbListEntry*)_data)[row];
        var pairs = _children[0];
        var map = new Dictionary<object, object?>(checked((int)entry.Length));
        for (var i = entry.Offset; i < entry.Offset + entry.Length; i++)
        {
            // DuckDB map keys are never NULL.
            var key = pairs._children[0].GetValue(i) ?? throw new DuckDbException($"Column '{_name}' holds a MAP with a NULL key.");
            map[key] = pairs._children[1].GetValue(i);
        }

        return map;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{_name}: {Type}");
}
