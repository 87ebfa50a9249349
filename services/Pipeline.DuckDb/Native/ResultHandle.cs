using System.Runtime.InteropServices;

namespace Pipeline.DuckDb.Native;

/// <summary>
/// A duckdb_result in native memory. The handle value is the struct's address, so the handle can be passed
/// wherever duckdb.h takes a duckdb_result*; the struct must not move while DuckDB holds on to it.
/// </summary>
internal sealed unsafe class ResultHandle : SafeHandle
{
    public ResultHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle((IntPtr)NativeMemory.AllocZeroed((nuint)sizeof(DuckDbResultNative)));
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>A copy of the struct, for the functions that take it by value.</summary>
    public DuckDbResultNative Value => *(DuckDbResultNative*)handle;

    protected override bool ReleaseHandle()
    {
        // duckdb_destroy_result is required even after a failed query: the error lives in the result.
        NativeMethods.duckdb_destroy_result((DuckDbResultNative*)handle);
        NativeMemory.Free((void*)handle);
        return true;
    }
}
