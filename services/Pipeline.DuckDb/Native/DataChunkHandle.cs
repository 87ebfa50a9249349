using System.Runtime.InteropServices;

namespace Pipeline.DuckDb.Native;

/// <summary>A duckdb_data_chunk fetched from a result; its vectors are valid until it is released.</summary>
internal sealed class DataChunkHandle : SafeHandle
{
    public DataChunkHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public DataChunkHandle(IntPtr chunk)
        : this()
    {
        SetHandle(chunk);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override unsafe bool ReleaseHandle()
    {
        var chunk = handle;
        NativeMethods.duckdb_destroy_data_chunk(&chunk);
        return true;
    }
}
