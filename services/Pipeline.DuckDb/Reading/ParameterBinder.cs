using System.Text;
using Pipeline.DuckDb.Native;

namespace Pipeline.DuckDb.Reading;

/// <summary>
/// Binds .NET values to a prepared statement's positional parameters (<c>?</c> or <c>$1</c>), choosing the DuckDB
/// type from the .NET type so that DuckDB's own casts apply exactly as they would to a typed literal.
/// </summary>
internal static unsafe class ParameterBinder
{
    private const long UnixEpochTicks = 621_355_968_000_000_000;
    private const int UnixEpochDayNumber = 719_162;

    public static void Bind(IntPtr statement, object?[] parameters)
    {
        var expected = NativeMethods.duckdb_nparams(statement);
        if ((ulong)parameters.Length != expected)
        {
            throw new DuckDbException(
                $"The statement has {expected} parameter(s) but {parameters.Length} value(s) were given.",
                DuckDbErrorType.InvalidInput);
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            var index = (ulong)i + 1;
            if (BindOne(statement, index, parameters[i]) != DuckDbState.Success)
            {
                throw new DuckDbException(
                    $"DuckDB could not bind parameter {index} ({parameters[i]?.GetType().Name ?? "null"}).",
                    DuckDbErrorType.InvalidInput);
            }
        }
    }

    private static DuckDbState BindOne(IntPtr statement, ulong index, object? value) => value switch
    {
        null or DBNull => NativeMethods.duckdb_bind_null(statement, index),
        string text => BindText(statement, index, text),
        char character => BindText(statement, index, character.ToString()),
        bool flag => NativeMethods.duckdb_bind_boolean(statement, index, flag ? (byte)1 : (byte)0),
        sbyte number => NativeMethods.duckdb_bind_int8(statement, index, number),
        short number => NativeMethods.duckdb_bind_int16(statement, index, number),
        int number => NativeMethods.duckdb_bind_int32(statement, index, number),
        long number => NativeMethods.duckdb_bind_int64(statement, index, number),
        byte number => NativeMethods.duckdb_bind_uint8(statement, index, number),
        ushort number => NativeMethods.duckdb_bind_uint16(statement, index, number),
        uint number => NativeMethods.duckdb_bind_uint32(statement, index, number),
        ulong number => NativeMethods.duckdb_bind_uint64(statement, index, number),
        Int128 number => NativeMethods.duckdb_bind_hugeint(statement, index, new DuckDbHugeInt(number)),
        UInt128 number => NativeMethods.duckdb_bind_uhugeint(statement, index, new DuckDbUHugeInt(number)),
        float number => NativeMethods.duckdb_bind_float(statement, index, number),
        double number => NativeMethods.duckdb_bind_double(statement, index, number),
        decimal number => NativeMethods.duckdb_bind_decimal(statement, index, ToNative(number)),
        DateTime timestamp => NativeMethods.duckdb_bind_timestamp(statement, index, (timestamp.Ticks - UnixEpochTicks) / 10),
        DateTimeOffset instant => NativeMethods.duckdb_bind_timestamp_tz(statement, index, (instant.UtcTicks - UnixEpochTicks) / 10),
        DateOnly date => NativeMethods.duckdb_bind_date(statement, index, date.DayNumber - UnixEpochDayNumber),
        TimeOnly time => NativeMethods.duckdb_bind_time(statement, index, time.Ticks / 10),
        TimeSpan span => BindInterval(statement, index, DuckDbInterval.FromTimeSpan(span)),
        DuckDbInterval interval => BindInterval(statement, index, interval),
        Guid guid => BindGuid(statement, index, guid),
        byte[] bytes => BindBlob(statement, index, bytes),
        ReadOnlyMemory<byte> bytes => BindBlob(statement, index, bytes.Span),
        _ => throw new ArgumentException(
            $"Parameter {index} is a {value.GetType().Name}, which has no DuckDB mapping; pass a string, number, bool, DateTime, DateTimeOffset, DateOnly, TimeOnly, TimeSpan, Guid, byte[] or null.",
            "parameters"),
    };

    private static DuckDbState BindText(IntPtr statement, ulong index, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        fixed (byte* pointer = bytes)
        {
            return NativeMethods.duckdb_bind_varchar_length(statement, index, pointer, (ulong)bytes.Length);
        }
    }

    private static DuckDbState BindBlob(IntPtr statement, ulong index, ReadOnlySpan<byte> bytes)
    {
        fixed (byte* pointer = bytes)
        {
            // A non-null pointer even for an empty blob: DuckDB reads length bytes from it.
            byte empty = 0;
            return NativeMethods.duckdb_bind_blob(statement, index, bytes.IsEmpty ? &empty : pointer, (ulong)bytes.Length);
        }
    }

    private static DuckDbState BindInterval(IntPtr statement, ulong index, DuckDbInterval interval) =>
        NativeMethods.duckdb_bind_interval(
            statement,
            index,
            new DuckDbIntervalNative { Months = interval.Months, Days = interval.Days, Micros = interval.Micros });

    private static DuckDbState BindGuid(IntPtr statement, ulong index, Guid guid)
    {
        Span<byte> bytes = stackalloc byte[16];
        guid.TryWriteBytes(bytes, bigEndian: true, out _);
        var value = NativeMethods.duckdb_create_uuid(new DuckDbUHugeInt
        {
            Upper = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes),
            Lower = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
        });
        try
        {
            return NativeMethods.duckdb_bind_value(statement, index, value);
        }
        finally
        {
            NativeMethods.duckdb_destroy_value(&value);
        }
    }

    private static DuckDbDecimalNative ToNative(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (byte)((bits[3] >> 16) & 0xFF);
        var magnitude = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        var unscaled = (Int128)magnitude;
        if (bits[3] < 0)
        {
            unscaled = -unscaled;
        }

        // DuckDB wants width >= the number of digits and >= the scale; a System.Decimal has at most 29 digits.
        var digits = magnitude.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        var width = (byte)Math.Max(Math.Max(digits, scale), 1);
        return new DuckDbDecimalNative { Width = width, Scale = scale, Value = new DuckDbHugeInt(unscaled) };
    }
}
