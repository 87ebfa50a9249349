using System.Text;
using CsCheck;
using Microsoft.AspNetCore.Http;
using Pipeline.FuzzTests.Support;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.S3.Payload;

namespace Pipeline.FuzzTests.S3Payload;

/// <summary>
/// The <c>aws-chunked</c> decoder, called directly: any valid chunking of any content (signed or not, with or without
/// a trailing checksum, read in any split) decodes to the content; a mutated body decodes to the same content or is
/// rejected with one of S3's 400 errors, never another exception and never a hang.
/// </summary>
public sealed class AwsChunkedDecodingTests
{
    private static readonly string[] Algorithms = ["crc32", "crc32c", "crc64nvme", "sha1", "sha256"];

    /// <summary>The errors S3 answers for a body it cannot take.</summary>
    private static readonly string[] BodyErrors = ["InvalidRequest", "IncompleteBody", "BadDigest", "InvalidArgument", "InvalidDigest", "XAmzContentSHA256Mismatch"];

    private static readonly IReadOnlyList<byte[]> Dictionary = Mutations.Utf8(
        "\r\n", "\n", "\r", ";", ";chunk-signature=", "0\r\n", "0\r\n\r\n", "FFFFFFFFFFFFFFF", "7FFFFFFFFFFFFFFF", "-1", "+1", " ", "x-amz-checksum-crc32:", ":", "AAAAAA==",
        "x-amz-trailer-signature:", new string('a', 9000));

    public sealed record Body(byte[] Content, byte[] Chunked, HeaderDictionary Headers, int ReadSize, string Shape)
    {
        public override string ToString() => $"{Shape}, read {ReadSize}: {Escape(Chunked)}";
    }

    public static readonly Gen<Body> ValidBodies =
        Gen.Select(
            Gen.Byte.Array[0, 20_000],
            Gen.Int[1, 9000].Array[1, 8],
            Gen.Int[0, 2],
            Gen.Int[0, Algorithms.Length],
            Gen.Bool,
            Gen.Int[1, 70_000],
            (content, sizes, signing, algorithm, lengthHeader, readSize) => Build(content, sizes, signing, algorithm, lengthHeader, readSize));

    [Fact]
    public void Any_valid_chunking_decodes_to_the_content()
    {
        ValidBodies.Sample(body =>
        {
            var (decoded, error) = Decode(body);
            Assert.Null(error);
            Assert.Equal(body.Content, decoded);
        }, time: FuzzBudget.Seconds(0.25), threads: 1);
    }

    [Fact]
    public void A_mutated_body_decodes_to_the_content_or_is_rejected_with_an_S3_error()
    {
        var mutated =
            from body in ValidBodies
            from edits in Mutations.Edits.Array[1, 4]
            select body with { Chunked = Mutations.Apply(body.Chunked, edits, Dictionary) };

        mutated.Sample(body =>
        {
            var (decoded, error) = Decode(body);
            if (error is not null)
            {
                Assert.True(BodyErrors.Contains(error.Code) && error.StatusCode == 400, $"unexpected error {error.Code} {error.StatusCode}: {error.Message}");
                return;
            }

            // Accepted: the declared length and checksum held, so the bytes must be the client's. Edits that only
            // touched framing or signatures decode to the same content.
            if (body.Headers.ContainsKey("x-amz-decoded-content-length") && (body.Headers.ContainsKey("x-amz-trailer") || body.Headers.ContainsKey("x-amz-checksum-crc32")))
            {
                Assert.Equal(body.Content, decoded);
            }
        }, time: FuzzBudget.Seconds(0.25), threads: 1);
    }

    [Theory]
    [InlineData("zz\r\nabc\r\n0\r\n\r\n", "InvalidRequest")]
    [InlineData("3\r\nabcX\r\n0\r\n\r\n", "InvalidRequest")]
    [InlineData("FFFFFFFFFFFFFFF\r\nabc", "IncompleteBody")]
    [InlineData("3\r\nabc\r\n", "IncompleteBody")]
    [InlineData("", "IncompleteBody")]
    [InlineData("3;chunk-signature=00\r\nabc\r\n0\r\n:x\r\n\r\n", "InvalidRequest")]
    // Found by fuzzing: a mangled trailer name left the announced checksum unchecked, and a corrupted body was stored.
    [InlineData("2\r\n\u0094<\r\n0\r\nx-amz-checx-amz-checkchecksum-crc32:DvGC+g==\r\n\r\n", "InvalidRequest", "x-amz-checksum-crc32")]
    public void Malformed_framing_is_rejected(string body, string code, string? announced = null)
    {
        var headers = Headers(("Content-Encoding", "aws-chunked"));
        if (announced is not null)
        {
            headers["x-amz-trailer"] = announced;
        }

        var (_, error) = Decode(new Body([], Encoding.Latin1.GetBytes(body), headers, 5, "fixed"));

        Assert.NotNull(error);
        Assert.Equal((code, 400), (error.Code, error.StatusCode));
    }

    private static (byte[]? Decoded, AwsServiceException? Error) Decode(Body body) =>
        Bounded.Run<(byte[]?, AwsServiceException?)>(() =>
        {
            using var payload = RequestPayload.Open(new SplitStream(body.Chunked, body.ReadSize), body.Headers);
            using var decoded = new MemoryStream();
            try
            {
                payload.CopyToAsync(decoded).GetAwaiter().GetResult();
                return (decoded.ToArray(), null);
            }
            catch (AwsServiceException e)
            {
                return (null, e);
            }
        });

    private static Body Build(byte[] content, int[] sizes, int signing, int algorithm, bool lengthHeader, int readSize)
    {
        string Extension() => signing == 0 ? "" : ";chunk-signature=" + new string('0', 64);
        var body = new MemoryStream();
        var offset = 0;
        for (var i = 0; offset < content.Length; i++)
        {
            var length = Math.Min(sizes[i % sizes.Length], content.Length - offset);
            body.Write(Encoding.ASCII.GetBytes($"{length:x}{Extension()}\r\n"));
            body.Write(content, offset, length);
            body.Write("\r\n"u8);
            offset += length;
        }

        var headers = Headers(("Content-Encoding", "aws-chunked"));
        var trailer = "";
        if (algorithm < Algorithms.Length)
        {
            using var checksum = S3Checksum.Create(Algorithms[algorithm])!;
            checksum.Append(content);
            trailer = $"x-amz-checksum-{Algorithms[algorithm]}:{checksum.ToBase64()}\r\n" + (signing == 2 ? $"x-amz-trailer-signature:{new string('f', 64)}\r\n" : "");
            headers["x-amz-trailer"] = $"x-amz-checksum-{Algorithms[algorithm]}";
            headers["x-amz-content-sha256"] = signing == 0 ? "STREAMING-UNSIGNED-PAYLOAD-TRAILER" : "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
        }
        else
        {
            headers["x-amz-content-sha256"] = signing == 0 ? "STREAMING-UNSIGNED-PAYLOAD" : "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
        }

        if (lengthHeader)
        {
            headers["x-amz-decoded-content-length"] = content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        body.Write(Encoding.ASCII.GetBytes($"0{Extension()}\r\n{trailer}\r\n"));
        return new Body(content, body.ToArray(), headers, readSize, $"{sizes.Length} sizes, signing {signing}, {(algorithm < Algorithms.Length ? Algorithms[algorithm] : "no checksum")}, length header {lengthHeader}");
    }

    private static HeaderDictionary Headers(params (string Name, string Value)[] headers)
    {
        var dictionary = new HeaderDictionary();
        foreach (var (name, value) in headers)
        {
            dictionary[name] = value;
        }

        return dictionary;
    }

    private static string Escape(byte[] bytes) =>
        bytes.Length > 400 ? Escape(bytes[..200]) + $"…({bytes.Length} bytes)…" + Escape(bytes[^200..]) : string.Concat(bytes.Select(b => b is >= 0x20 and < 0x7f ? ((char)b).ToString() : $"\\x{b:x2}"));

    /// <summary>The network's split: at most <c>readSize</c> bytes per read.</summary>
    private sealed class SplitStream(byte[] data, int readSize) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, readSize));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, readSize)]);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, readSize), cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, readSize)], cancellationToken);
    }
}
