using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Pipeline.DuckDb;
using Pipeline.DuckDb.Native;

namespace Pipeline.UnitTests.DuckDb;

/// <summary>The binding matches libduckdb's ABI, and the library is found beside the app or where the override says.</summary>
public sealed class DuckDbNativeBindingTests
{
    [Fact]
    public void Duckdb_result_fields_sit_where_duckdb_h_puts_them()
    {
        Assert.Equal(48, Unsafe.SizeOf<DuckDbResultNative>());
        NativeLibraryLoader.EnsureLoaded();
        Assert.Equal(DuckDbState.Success, NativeMethods.duckdb_open_ext(":memory:", out var rawDatabase, IntPtr.Zero, out _));
        using var database = new DatabaseHandle(rawDatabase);
        Assert.Equal(DuckDbState.Success, NativeMethods.duckdb_connect(database, out var rawConnection));
        using var connection = new ConnectionHandle(rawConnection);
        using var result = new ResultHandle();

        // DuckDB still fills some deprecated fields, so they show that each one is at its offset in duckdb.h.
        Assert.Equal(DuckDbState.Success, NativeMethods.duckdb_query(connection, "CREATE TABLE t (a INTEGER); INSERT INTO t SELECT * FROM range(5)", result));
        var inserted = result.Value;
        Assert.Equal(1UL, inserted.DeprecatedColumnCount);
        Assert.Equal(5UL, NativeMethods.duckdb_rows_changed(result));
        Assert.Equal(IntPtr.Zero, inserted.DeprecatedErrorMessage);
        Assert.NotEqual(IntPtr.Zero, inserted.InternalData);

        using var failed = new ResultHandle();
        Assert.Equal(DuckDbState.Error, NativeMethods.duckdb_query(connection, "SELECT * FROM nowhere", failed));
        Assert.Contains("nowhere", Marshal.PtrToStringUTF8(failed.Value.DeprecatedErrorMessage), StringComparison.Ordinal);
    }

    [Fact]
    public void The_library_is_copied_beside_the_test_assembly()
    {
        var library = Path.Combine(AppContext.BaseDirectory, "libduckdb.so");

        Assert.True(File.Exists(library), $"{library} is missing: the build should copy it from the DuckDB cache.");
        Assert.True(new FileInfo(library).Length > 10_000_000);
    }

    [Fact]
    public void The_override_may_name_the_file_or_its_folder()
    {
        var handle = NativeLibraryLoader.Load(AppContext.BaseDirectory, "/nonexistent", "libduckdb.so");
        Assert.NotEqual(IntPtr.Zero, handle);
        NativeLibrary.Free(handle);

        handle = NativeLibraryLoader.Load(Path.Combine(AppContext.BaseDirectory, "libduckdb.so"), "/nonexistent", "libduckdb.so");
        Assert.NotEqual(IntPtr.Zero, handle);
        NativeLibrary.Free(handle);
    }

    [Fact]
    public void An_override_that_does_not_load_is_an_error_naming_the_variable()
    {
        var error = Assert.Throws<DllNotFoundException>(() => NativeLibraryLoader.Load("/nonexistent/libduckdb.so", AppContext.BaseDirectory, "libduckdb.so"));

        Assert.Contains(NativeLibraryLoader.EnvironmentVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/libduckdb.so", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_library_is_an_error_that_says_where_it_looked_and_what_to_do()
    {
        using var empty = new DuckDbScratchFolder();

        // The real library is already loaded in this process, so the system search gets a name that is nowhere.
        var error = Assert.Throws<DllNotFoundException>(() => NativeLibraryLoader.Load(null, empty.Path, "libduckdb-absent.so"));

        Assert.Contains(empty.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains(NativeLibraryLoader.EnvironmentVariable, error.Message, StringComparison.Ordinal);
    }
}
