using System.Runtime.InteropServices;

namespace Pipeline.DuckDb.Native;

/// <summary>duckdb_uhugeint: value = Upper * 2^64 + Lower.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbUHugeInt
{
    public ulong Lower;
    public ulong Upper;

    public DuckDbUHugeInt(UInt128 value)
    {
        Lower = (ulong)(value & ulong.MaxValue);
        Upper = (ulong)(value >> 64);
    }
}
