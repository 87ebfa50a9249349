using System.Text;
using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.S3.Payload;
using Pipeline.UnitTests.LocalCloud.S3.Fakes;

namespace Pipeline.UnitTests.LocalCloud.S3;

/// <summary>
/// <c>aws-chunked</c> bodies as SDKs and the AWS CLI send them decode to the object's bytes, whatever the network's
/// split, and the trailing checksum or the declared length catches a corrupted or truncated upload.
/// </summary>
public sealed class AwsChunkedDecodingTests
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 2000).Select(i => $"line {i}\n")));

    [Fact]
    public async Task Decodes_signed_chunks()
    {
        var body = Chunked(Content, 4096, i => $";chunk-signature={new string((char)('a' + (i % 26)), 64)}", trailer: null);
        var headers = Headers(("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"), ("Content-Encoding", "aws-chunked"), ("x-amz-decoded-content-length", Content.Length.ToString()));

        Assert.Equal(Content, await ReadAllAsync(body, headers));
    }

    [Theory]
    [InlineData("crc32")]
    [InlineData("crc32c")]
    [InlineData("crc64nvme")]
    [InlineData("sha1")]
    [InlineData("sha256")]
    public async Task Decodes_an_unsigned_body_with_a_trailing_checksum_and_checks_it(string algorithm)
    {
        var checksum = ChecksumOf(algorithm, Content);
        var body = Chunked(Content, 8192, _ => "", trailer: $"x-amz-checksum-{algorithm}:{checksum}\r\n");
        var headers = Headers(
            ("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"),
            ("Content-Encoding", "aws-chunked"),
            ("x-amz-trailer", $"x-amz-checksum-{algorithm}"),
            ("x-amz-decoded-content-length", Content.Length.ToString()));

        await using var payload = RequestPayload.Open(new TrickleStream(body, maxPerRead: 7), headers);
        using var decoded = new MemoryStream();
        await payload.CopyToAsync(decoded);

        Assert.Equal(Content, decoded.ToArray());
        Assert.Equal(checksum, payload.Checksum?.ToBase64());
    }

    [Fact]
    public async Task Decodes_a_signed_body_with_a_signed_trailer()
    {
        var checksum = ChecksumOf("crc32", Content);
        var body = Chunked(Content, 65536, _ => ";chunk-signature=" + new string('0', 64), trailer: $"x-amz-checksum-crc32:{checksum}\r\nx-amz-trailer-signature:{new string('f', 64)}\r\n");
        var headers = Headers(("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER"), ("x-amz-trailer", "x-amz-checksum-crc32"));

        Assert.Equal(Content, await ReadAllAsync(body, headers));
    }

    [Fact]
    public async Task A_wrong_trailing_checksum_is_BadDigest()
    {
        var body = Chunked(Content, 8192, _ => "", trailer: "x-amz-checksum-crc32:AAAAAA==\r\n");
        var headers = Headers(("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"), ("x-amz-trailer", "x-amz-checksum-crc32"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ReadAllAsync(body, headers));

        Assert.Equal(("BadDigest", 400), (error.Code, error.StatusCode));
    }

    [Fact]
    public async Task A_body_cut_off_inside_a_chunk_is_IncompleteBody()
    {
        var body = Chunked(Content, 8192, _ => "", trailer: null)[..5000];
        var headers = Headers(("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ReadAllAsync(body, headers));

        Assert.Equal("IncompleteBody", error.Code);
    }

    [Fact]
    public async Task A_decoded_length_that_does_not_match_is_IncompleteBody()
    {
        var body = Chunked(Content, 8192, _ => "", trailer: null);
        var headers = Headers(("Content-Encoding", "aws-chunked"), ("x-amz-decoded-content-length", (Content.Length + 1).ToString()));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ReadAllAsync(body, headers));

        Assert.Equal("IncompleteBody", error.Code);
    }

    [Fact]
    public async Task Garbage_framing_is_InvalidRequest()
    {
        var headers = Headers(("Content-Encoding", "aws-chunked"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ReadAllAsync("zz;chunk-signature=x\r\nabc\r\n"u8.ToArray(), headers));

        Assert.Equal("InvalidRequest", error.Code);
    }

    [Fact]
    public async Task A_plain_body_is_checked_against_Content_MD5_and_a_checksum_header()
    {
        var md5 = Convert.ToBase64String(System.Security.Cryptography.MD5.HashData(Content));
        var good = Headers(("Content-MD5", md5), ("x-amz-checksum-crc64nvme", ChecksumOf("crc64nvme", Content)));
        var badMd5 = Headers(("Content-MD5", Convert.ToBase64String(new byte[16])));
        var notMd5 = Headers(("Content-MD5", "not base64"));
        var badSha = Headers(("x-amz-content-sha256", new string('0', 64)));

        Assert.Equal(Content, await ReadAllAsync(Content, good));
        Assert.Equal("BadDigest", (await Assert.ThrowsAsync<AwsServiceException>(() => ReadAllAsync(Content, badMd5))).Code);
        Assert.Equal("InvalidDigest", (await Assert.ThrowsAsync<AwsServiceException>(() => ReadAllAsync(Content, notMd5))).Code);
        Assert.Equal("XAmzContentSHA256Mismatch", (await Assert.ThrowsAsync<AwsServiceException>(() => ReadAllAsync(Content, badSha))).Code);
    }

    [Fact]
    public void The_stored_content_encoding_drops_aws_chunked()
    {
        Assert.Null(RequestPayload.StoredContentEncoding(Headers(("Content-Encoding", "aws-chunked"))));
        Assert.Equal("gzip", RequestPayload.StoredContentEncoding(Headers(("Content-Encoding", "aws-chunked,gzip"))));
    }

    private static async Task<byte[]> ReadAllAsync(byte[] body, IHeaderDictionary headers)
    {
        await using var payload = RequestPayload.Open(new TrickleStream(body, maxPerRead: 5), headers);
        using var decoded = new MemoryStream();
        await payload.CopyToAsync(decoded);
        return decoded.ToArray();
    }

    private static byte[] Chunked(byte[] content, int chunkSize, Func<int, string> extension, string? trailer)
    {
        var body = new MemoryStream();
        var index = 0;
        for (var offset = 0; offset < content.Length; offset += chunkSize, index++)
        {
            var length = Math.Min(chunkSize, content.Length - offset);
            body.Write(Encoding.ASCII.GetBytes($"{length:x}{extension(index)}\r\n"));
            body.Write(content, offset, length);
            body.Write("\r\n"u8);
        }

        body.Write(Encoding.ASCII.GetBytes($"0{extension(index)}\r\n{trailer}\r\n"));
        return body.ToArray();
    }

    private static string ChecksumOf(string algorithm, byte[] data)
    {
        using var checksum = S3Checksum.Create(algorithm)!;
        checksum.Append(data);
        return checksum.ToBase64();
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
}
