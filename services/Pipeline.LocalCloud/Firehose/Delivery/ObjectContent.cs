using System.IO.Compression;
using Pipeline.LocalCloud.Firehose.Configuration;

namespace Pipeline.LocalCloud.Firehose.Delivery;

/// <summary>The bytes of an object as the stream writes them.</summary>
internal static class ObjectContent
{
    public static byte[] Encode(ReadOnlySpan<byte> content, ObjectCompression compression)
    {
        if (compression == ObjectCompression.Uncompressed)
        {
            return content.ToArray();
        }

        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}
