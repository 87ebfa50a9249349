using System.Runtime.InteropServices;

namespace Pipeline.DuckDb.Native;

/// <summary>
/// duckdb_result as laid out in duckdb.h (1.x): five deprecated fields kept for ABI compatibility, then the
/// pointer to DuckDB's own state. DuckDB writes it through a pointer and reads it by value, so the size must be
/// exact (48 bytes on 64-bit); a test pins it.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbResultNative
{
    public ulong DeprecatedColumnCount;
    public ulong DeprecatedRowCount;
    public ulong DeprecatedRowsChanged;
    public IntPtr DeprecatedColumns;
    public IntPtr DeprecatedErrorMessage;
    public IntPtr InternalData;
}
