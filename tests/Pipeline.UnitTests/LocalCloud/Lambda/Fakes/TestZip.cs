using System.IO.Compression;
using System.Text;

namespace Pipeline.UnitTests.LocalCloud.LambdaService.Fakes;

/// <summary>Builds deployment packages entry by entry, with the Unix modes a zip tool would record.</summary>
internal static class TestZip
{
    public const int ExecutableFile = 0b1000_000_111_101_101 << 16;
    public const int RegularFile = 0b1000_000_110_100_100 << 16;
    public const int SymbolicLink = 0b1010_000_111_111_111 << 16;

    public static byte[] Create(params (string Name, string Content, int Attributes)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, attributes) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                entry.ExternalAttributes = attributes;
                using var stream = entry.Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return buffer.ToArray();
    }

    public static byte[] WithBootstrap(params (string Name, string Content, int Attributes)[] more) =>
        Create([("bootstrap", "#!/bin/sh\nexit 0\n", ExecutableFile), .. more]);
}
