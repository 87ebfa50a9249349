using System.Runtime.InteropServices;

namespace Pipeline.DuckDb.Native;

/// <summary>An open duckdb_connection.</summary>
internal sealed class ConnectionHandle : SafeHandle
{
    public ConnectionHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public ConnectionHandle(IntPtr connection)
        : this()
    {
        SetHandle(connection);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override unsafe bool ReleaseHandle()
    {
        var connection = handle;
        NativeMethods.duckdb_disconnect(&connection);
        return true;
    }
}
