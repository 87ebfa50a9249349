using System.Runtime.InteropServices;

namespace Pipeline.DuckDb.Native;

/// <summary>duckdb_decimal: the unscaled value with its width and scale.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbDecimalNative
{
    public byte Width;
    public byte Scale;
    public DuckDbHugeInt Value;
}
