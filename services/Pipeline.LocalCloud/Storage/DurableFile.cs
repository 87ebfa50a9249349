using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Pipeline.LocalCloud.Storage;

/// <summary>
/// The one way LocalCloud makes state durable, so every service survives <c>kill -9</c> (and a power cut) alike:
/// <list type="number">
/// <item>A file that replaces another is written to <c>&lt;path&gt;.tmp</c>, fsync'ed, renamed over the old one, and the
/// folder is fsync'ed, so a crash leaves the old content or the new one, never a mix, and the new name survives.</item>
/// <item>A file nothing refers to yet (a part, a batch) is written and fsync'ed before whatever refers to it is.</item>
/// <item>A folder created for state is fsync'ed into its parent.</item>
/// <item>Deleting is not fsync'ed: a crash just after it can bring back what was deleted, which every caller tolerates
/// (at-least-once delivery, or a delete the client sees fail and repeats).</item>
/// </list>
/// A write refused by a full disk throws the <see cref="IOException"/> the file system gave, which
/// <see cref="Hosting.DiskFull"/> turns into AWS's "try again later"; the old content stays in place.
/// </summary>
internal static class DurableFile
{
    /// <summary>What a replacement is written as before it is renamed; a leftover one was never acknowledged.</summary>
    public const string TemporarySuffix = ".tmp";

    private const int CopyBufferSize = 128 * 1024;

    private static bool _noDirectorySync = OperatingSystem.IsWindows();

    /// <summary>Replaces (or creates) <paramref name="path"/> with <paramref name="content"/>, all or nothing (rule 1).</summary>
    public static void Replace(string path, ReadOnlySpan<byte> content)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        CreateDirectory(directory);
        var temp = full + TemporarySuffix;
        WriteNew(temp, content);
        MoveIntoPlace(temp, full);
    }

    /// <summary>Writes a file that is not yet referenced by anything, durably (rule 2).</summary>
    public static void WriteNew(string path, ReadOnlySpan<byte> content)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Streams <paramref name="content"/> to the new file <paramref name="path"/> and fsyncs it (rule 2: durable before
    /// anything refers to it, so a rename never exposes bytes still in the page cache only); gives its size and MD5.
    /// </summary>
    public static async Task<(long Size, string Md5Hex)> WriteNewAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        long size = 0;
        try
        {
            await using var file = new FileStream(
                path,
                new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0, Options = FileOptions.Asynchronous });
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, CopyBufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                md5.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                size += read;
            }

            file.Flush(flushToDisk: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (size, Convert.ToHexStringLower(md5.GetHashAndReset()));
    }

    /// <summary>
    /// Renames a file its writer already fsync'ed (a streamed upload) over <paramref name="path"/> and makes the new
    /// name durable: the last two steps of rule 1.
    /// </summary>
    public static void MoveIntoPlace(string flushedFile, string path)
    {
        File.Move(flushedFile, path, overwrite: true);
        SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Creates a folder (and its missing parents) so that it survives a crash (rule 3).</summary>
    public static void CreateDirectory(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (Directory.Exists(full))
        {
            return;
        }

        var parent = Path.GetDirectoryName(full);
        if (parent is not null)
        {
            CreateDirectory(parent);
        }

        Directory.CreateDirectory(full);
        if (parent is not null)
        {
            SyncDirectory(parent);
        }
    }

    /// <summary>
    /// fsync of a folder, so a created or renamed file's name is as durable as its bytes. .NET cannot open a folder as
    /// a file, hence libc; where there is none (Windows) the rename is trusted.
    /// </summary>
    public static void SyncDirectory(string directory)
    {
        if (_noDirectorySync)
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
            _noDirectorySync = true;
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
