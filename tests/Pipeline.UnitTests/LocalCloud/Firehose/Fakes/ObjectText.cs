using System.IO.Compression;
using System.Text;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Fakes;

/// <summary>An object's bytes as text, gunzipped when the key says so.</summary>
internal static class ObjectText
{
    public static string Of(StoredObjectCopy stored) => Encoding.UTF8.GetString(Bytes(stored));

    public static byte[] Bytes(StoredObjectCopy stored)
    {
        if (!stored.Key.EndsWith(".gz", StringComparison.Ordinal))
        {
            return stored.Content;
        }

        using var gzip = new GZipStream(new MemoryStream(stored.Content), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
