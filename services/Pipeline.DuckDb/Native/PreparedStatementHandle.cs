using System.Runtime.InteropServices;

namespace Pipeline.DuckDb.Native;

/// <summary>A duckdb_prepared_statement; destroyed even when preparing failed (the error lives in it).</summary>
internal sealed class PreparedStatementHandle : SafeHandle
{
    public PreparedStatementHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public PreparedStatementHandle(IntPtr statement)
        : this()
    {
        SetHandle(statement);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override unsafe bool ReleaseHandle()
    {
        var statement = handle;
        NativeMethods.duckdb_destroy_prepare(&statement);
        return true;
    }
}
