using System.Runtime.InteropServices;

namespace Pipeline.DuckDb.Native;

/// <summary>An open duckdb_database; closing it leaves connections already made working (DuckDB refcounts).</summary>
internal sealed class DatabaseHandle : SafeHandle
{
    public DatabaseHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public DatabaseHandle(IntPtr database)
        : this()
    {
        SetHandle(database);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override unsafe bool ReleaseHandle()
    {
        var database = handle;
        NativeMethods.duckdb_close(&database);
        return true;
    }
}
