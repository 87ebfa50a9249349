using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Pipeline.LocalCloud.Sqs;

/// <summary>The MD5 digests SDKs check on send and receive; the attribute digest follows AWS's documented encoding.</summary>
internal static class SqsChecksums
{
    public static string OfBody(string body) => Hex(MD5.HashData(Encoding.UTF8.GetBytes(body)));

    public static string? OfAttributes(IReadOnlyDictionary<string, SqsMessageAttribute> attributes)
    {
        if (attributes.Count == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        foreach (var (name, value) in attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            WriteLengthPrefixed(buffer, Encoding.UTF8.GetBytes(name));
            WriteLengthPrefixed(buffer, Encoding.UTF8.GetBytes(value.DataType));
            if (value.BinaryValue is { } binary)
            {
                buffer.WriteByte(2);
                WriteLengthPrefixed(buffer, binary);
            }
            else
            {
                buffer.WriteByte(1);
                WriteLengthPrefixed(buffer, Encoding.UTF8.GetBytes(value.StringValue ?? string.Empty));
            }
        }

        return Hex(MD5.HashData(buffer.ToArray()));
    }

    private static void WriteLengthPrefixed(Stream stream, byte[] bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        stream.Write(length);
        stream.Write(bytes);
    }

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
