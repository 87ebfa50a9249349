namespace Pipeline.LocalCloud.Glue.Catalog;

/// <summary>Glue's files under the data directory.</summary>
internal static class GlueFiles
{
    /// <summary>Replaces a file so that a crash leaves the old or the new content, never a mix: temp file, fsync, rename.</summary>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }
}
