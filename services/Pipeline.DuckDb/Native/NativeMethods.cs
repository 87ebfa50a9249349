using System.Runtime.InteropServices;

namespace Pipeline.DuckDb.Native;

/// <summary>
/// The slice of DuckDB's C API (duckdb.h) this binding uses. Opaque handles are pointers; structs that DuckDB passes
/// by value are declared with the same layout as in duckdb.h. <see cref="NativeLibraryLoader"/> maps the library
/// name to the libduckdb.so that the build copies beside the assembly.
/// </summary>
internal static unsafe partial class NativeMethods
{
    public const string LibraryName = "duckdb";

    // ---- open / connect -------------------------------------------------------------------------------------

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial DuckDbState duckdb_open_ext(string path, out IntPtr database, IntPtr config, out IntPtr error);

    [LibraryImport(LibraryName)]
    public static partial void duckdb_close(IntPtr* database);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_connect(DatabaseHandle database, out IntPtr connection);

    [LibraryImport(LibraryName)]
    public static partial void duckdb_disconnect(IntPtr* connection);

    [LibraryImport(LibraryName)]
    public static partial void duckdb_interrupt(ConnectionHandle connection);

    [LibraryImport(LibraryName)]
    public static partial byte* duckdb_library_version();

    // ---- configuration --------------------------------------------------------------------------------------

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_create_config(out IntPtr config);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial DuckDbState duckdb_set_config(IntPtr config, string name, string option);

    [LibraryImport(LibraryName)]
    public static partial void duckdb_destroy_config(IntPtr* config);

    // ---- queries and results --------------------------------------------------------------------------------

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial DuckDbState duckdb_query(ConnectionHandle connection, string query, ResultHandle result);

    [LibraryImport(LibraryName)]
    public static partial void duckdb_destroy_result(DuckDbResultNative* result);

    [LibraryImport(LibraryName)]
    public static partial byte* duckdb_result_error(ResultHandle result);

    [LibraryImport(LibraryName)]
    public static partial int duckdb_result_error_type(ResultHandle result);

    [LibraryImport(LibraryName)]
    public static partial ulong duckdb_column_count(ResultHandle result);

    [LibraryImport(LibraryName)]
    public static partial byte* duckdb_column_name(ResultHandle result, ulong column);

    [LibraryImport(LibraryName)]
    public static partial IntPtr duckdb_column_logical_type(ResultHandle result, ulong column);

    [LibraryImport(LibraryName)]
    public static partial ulong duckdb_rows_changed(ResultHandle result);

    // duckdb.h takes the result struct by value here.
    [LibraryImport(LibraryName)]
    public static partial IntPtr duckdb_fetch_chunk(DuckDbResultNative result);

    // ---- prepared statements --------------------------------------------------------------------------------

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial DuckDbState duckdb_prepare(ConnectionHandle connection, string query, out IntPtr statement);

    [LibraryImport(LibraryName)]
    public static partial void duckdb_destroy_prepare(IntPtr* statement);

    [LibraryImport(LibraryName)]
    public static partial byte* duckdb_prepare_error(IntPtr statement);

    [LibraryImport(LibraryName)]
    public static partial ulong duckdb_nparams(IntPtr statement);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_execute_prepared(IntPtr statement, ResultHandle result);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_pending_prepared_streaming(IntPtr statement, out IntPtr pending);

    [LibraryImport(LibraryName)]
    public static partial byte* duckdb_pending_error(IntPtr pending);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_execute_pending(IntPtr pending, ResultHandle result);

    [LibraryImport(LibraryName)]
    public static partial void duckdb_destroy_pending(IntPtr* pending);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_bind_null(IntPtr statement, ulong index);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_bind_boolean(IntPtr statement, ulong index, byte value);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_bind_int8(IntPtr statement, ulong index, sbyte value);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_bind_int16(IntPtr statement, ulong index, short value);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_bind_int32(IntPtr statement, ulong index, int value);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_bind_int64(IntPtr statement, ulong index, long value);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_bind_uint8(IntPtr statement, ulong index, byte value);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_bind_uint16(IntPtr statement, ulong index, ushort value);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_bind_uint32(IntPtr statement, ulong index, uint value);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_bind_uint64(IntPtr statement, ulong index, ulong value);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_bind_hugeint(IntPtr statement, ulong index, DuckDbHugeInt value);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_bind_uhugeint(IntPtr statement, ulong index, DuckDbUHugeInt value);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_bind_decimal(IntPtr statement, ulong index, DuckDbDecimalNative value);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_bind_float(IntPtr statement, ulong index, float value);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_bind_double(IntPtr statement, ulong index, double value);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_bind_date(IntPtr statement, ulong index, int days);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_bind_time(IntPtr statement, ulong index, long micros);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_bind_timestamp(IntPtr statement, ulong index, long micros);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_bind_timestamp_tz(IntPtr statement, ulong index, long micros);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_bind_interval(IntPtr statement, ulong index, DuckDbIntervalNative value);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_bind_varchar_length(IntPtr statement, ulong index, byte* value, ulong length);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_bind_blob(IntPtr statement, ulong index, void* data, ulong length);

    [LibraryImport(LibraryName)]
    public static partial DuckDbState duckdb_bind_value(IntPtr statement, ulong index, IntPtr value);

    [LibraryImport(LibraryName)]
    public static partial IntPtr duckdb_create_uuid(DuckDbUHugeInt value);

    [LibraryImport(LibraryName)]
    public static partial void duckdb_destroy_value(IntPtr* value);

    // ---- data chunks and vectors ----------------------------------------------------------------------------

    [LibraryImport(LibraryName)]
    public static partial ulong duckdb_data_chunk_get_size(DataChunkHandle chunk);

    [LibraryImport(LibraryName)]
    public static partial IntPtr duckdb_data_chunk_get_vector(DataChunkHandle chunk, ulong column);

    [LibraryImport(LibraryName)]
    public static partial void duckdb_destroy_data_chunk(IntPtr* chunk);

    [LibraryImport(LibraryName)]
    public static partial void* duckdb_vector_get_data(IntPtr vector);

    [LibraryImport(LibraryName)]
    public static partial ulong* duckdb_vector_get_validity(IntPtr vector);

    [LibraryImport(LibraryName)]
    public static partial IntPtr duckdb_list_vector_get_child(IntPtr vector);

    [LibraryImport(LibraryName)]
    public static partial IntPtr duckdb_array_vector_get_child(IntPtr vector);

    [LibraryImport(LibraryName)]
    public static partial IntPtr duckdb_struct_vector_get_child(IntPtr vector, ulong index);

    // ---- logical types --------------------------------------------------------------------------------------

    [LibraryImport(LibraryName)]
    public static partial DuckDbType duckdb_get_type_id(IntPtr type);

    [LibraryImport(LibraryName)]
    public static partial void duckdb_destroy_logical_type(IntPtr* type);

    [LibraryImport(LibraryName)]
    public static partial byte duckdb_decimal_scale(IntPtr type);

    [LibraryImport(LibraryName)]
    public static partial DuckDbType duckdb_decimal_internal_type(IntPtr type);

    [LibraryImport(LibraryName)]
    public static partial DuckDbType duckdb_enum_internal_type(IntPtr type);

    [LibraryImport(LibraryName)]
    public static partial uint duckdb_enum_dictionary_size(IntPtr type);

    [LibraryImport(LibraryName)]
    public static partial byte* duckdb_enum_dictionary_value(IntPtr type, ulong index);

    [LibraryImport(LibraryName)]
    public static partial IntPtr duckdb_list_type_child_type(IntPtr type);

    [LibraryImport(LibraryName)]
    public static partial IntPtr duckdb_array_type_child_type(IntPtr type);

    [LibraryImport(LibraryName)]
    public static partial ulong duckdb_array_type_array_size(IntPtr type);

    [LibraryImport(LibraryName)]
    public static partial ulong duckdb_struct_type_child_count(IntPtr type);

    [LibraryImport(LibraryName)]
    public static partial byte* duckdb_struct_type_child_name(IntPtr type, ulong index);

    [LibraryImport(LibraryName)]
    public static partial IntPtr duckdb_struct_type_child_type(IntPtr type, ulong index);

    [LibraryImport(LibraryName)]
    public static partial ulong duckdb_union_type_member_count(IntPtr type);

    [LibraryImport(LibraryName)]
    public static partial byte* duckdb_union_type_member_name(IntPtr type, ulong index);

    [LibraryImport(LibraryName)]
    public static partial IntPtr duckdb_union_type_member_type(IntPtr type, ulong index);

    // ---- memory ---------------------------------------------------------------------------------------------

    [LibraryImport(LibraryName)]
    public static partial void duckdb_free(void* pointer);

    /// <summary>Reads a NUL-terminated UTF-8 string that DuckDB owns.</summary>
    public static string? ReadUtf8(byte* text) => text is null ? null : Marshal.PtrToStringUTF8((IntPtr)text);

    /// <summary>Reads, then frees with duckdb_free, a string the caller owns.</summary>
    public static string? TakeUtf8(byte* text)
    {
        var value = ReadUtf8(text);
        if (text is not null)
        {
            duckdb_free(text);
        }

        return value;
    }
}
