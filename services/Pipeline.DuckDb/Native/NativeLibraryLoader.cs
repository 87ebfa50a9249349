using System.Reflection;
using System.Runtime.InteropServices;

namespace Pipeline.DuckDb.Native;

/// <summary>
/// Resolves <see cref="NativeMethods.LibraryName"/> to one libduckdb.so, chosen once per process:
/// <c>PIPELINE_LIBDUCKDB</c> if set (a file, or a folder holding libduckdb.so), else the copy beside the app
/// (the build puts it there), else whatever the system loader finds. Every public entry point calls
/// <see cref="EnsureLoaded"/> first so a missing library surfaces as one clear exception, not as a
/// DllNotFoundException from whichever P/Invoke happened to run first.
/// </summary>
internal static class NativeLibraryLoader
{
    public const string EnvironmentVariable = "PIPELINE_LIBDUCKDB";
    private const string FileName = "libduckdb.so";

    private static readonly Lock Gate = new();
    private static IntPtr s_handle;
    private static bool s_resolverInstalled;

    public static void EnsureLoaded()
    {
        if (Volatile.Read(ref s_handle) != IntPtr.Zero)
        {
            return;
        }

        lock (Gate)
        {
            if (s_handle != IntPtr.Zero)
            {
                return;
            }

            if (!s_resolverInstalled)
            {
                NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);
                s_resolverInstalled = true;
            }

            Volatile.Write(ref s_handle, Load(Environment.GetEnvironmentVariable(EnvironmentVariable), AppContext.BaseDirectory, FileName));
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != NativeMethods.LibraryName)
        {
            return IntPtr.Zero;
        }

        EnsureLoaded();
        return s_handle;
    }

    /// <summary>Loads libduckdb from the override if given, else from the folder, else by name from the system's search path.</summary>
    internal static IntPtr Load(string? overridePath, string baseDirectory, string systemLibraryName)
    {
        if (!string.IsNullOrWhiteSpace(overridePath))
        {
            var path = Directory.Exists(overridePath) ? Path.Combine(overridePath, FileName) : overridePath;
            try
            {
                return NativeLibrary.Load(path);
            }
            catch (DllNotFoundException e)
            {
                // An explicit override that does not load is a configuration error: never fall back silently.
                throw new DllNotFoundException(
                    $"{EnvironmentVariable} is set to '{overridePath}', but DuckDB's native library could not be loaded from '{path}': {e.Message}",
                    e);
            }
        }

        var besideApp = Path.Combine(baseDirectory, FileName);
        string? besideAppError = null;
        if (File.Exists(besideApp))
        {
            try
            {
                return NativeLibrary.Load(besideApp);
            }
            catch (DllNotFoundException e)
            {
                besideAppError = e.Message;
            }
        }

        if (NativeLibrary.TryLoad(systemLibraryName, out var systemHandle))
        {
            return systemHandle;
        }

        throw new DllNotFoundException(
            besideAppError is not null
                ? $"DuckDB's native library exists at '{besideApp}' but could not be loaded: {besideAppError}"
                : $"DuckDB's native library ({FileName}) was not found beside the application ('{besideApp}') nor by the system loader. " +
                  $"Building a project that references Pipeline.DuckDb copies it there (linux-x64); elsewhere set {EnvironmentVariable} to the path of a libduckdb.so.");
    }
}
