using System.IO.Compression;
using System.Text;

namespace Pipeline.Provisioning;

/// <summary>
/// A function's deployment package as Lambda takes it: a zip with an executable <c>bootstrap</c> at its root. Locally
/// the bootstrap is a two-line script that runs the function as just built, so a code change needs no publish.
/// </summary>
public static class FunctionPackage
{
    // rwxr-xr-x for a regular file, in the upper half of the zip entry's external attributes (Unix convention).
    private const int ExecutableFile = (0b1000_000_111_101_101) << 16;

    public static byte[] ForBuiltAssembly(string assemblyPath)
    {
        var script = $"#!/bin/sh\nexec \"{DotnetHost.Path}\" \"{assemblyPath}\" \"$@\"\n";
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("bootstrap", CompressionLevel.Fastest);
            entry.ExternalAttributes = ExecutableFile;
            using var stream = entry.Open();
            stream.Write(Encoding.UTF8.GetBytes(script));
        }

        return buffer.ToArray();
    }
}
