namespace Pipeline.LocalCloud.Storage;

/// <summary>Replaces a file so that a crash leaves the old or the new content, never a mix: temp file, fsync, rename, fsync of the directory.</summary>
internal static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        DirectorySync.Flush(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Writes a file that is not yet referenced by anything, durably.</summary>
    public static void WriteNew(string path, ReadOnlySpan<byte> content)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }
}
