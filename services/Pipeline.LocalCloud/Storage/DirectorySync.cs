using System.Runtime.InteropServices;

namespace Pipeline.LocalCloud.Storage;

/// <summary>
/// fsync of a directory, so a created or renamed file's name is as durable as its bytes. .NET cannot open a
/// directory as a file, hence libc. Best effort: where libc is not there (Windows) the rename is trusted.
/// </summary>
internal static partial class DirectorySync
{
    private static bool _unavailable = OperatingSystem.IsWindows();

    public static void Flush(string directory)
    {
        if (_unavailable)
        {
            return;
        }

        try
        {
            var fd = Open(directory, 0);
            if (fd < 0)
            {
                return;
            }

            try
            {
                _ = Fsync(fd);
            }
            finally
            {
                _ = Close(fd);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
