using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Pipeline.LocalCloud.S3.Payload;

/// <summary>
/// The object bytes of a PUT: the body, decoded when it is <c>aws-chunked</c>, checked against every digest the client
/// sent (<c>Content-MD5</c>, <c>x-amz-checksum-*</c> as a header or a trailer, a hex <c>x-amz-content-sha256</c>,
/// <c>x-amz-decoded-content-length</c>). The checks run when the last byte has been read and throw S3's error
/// (BadDigest, XAmzContentSHA256Mismatch, IncompleteBody), so the store, which reads to the end before it commits,
/// never keeps an object whose bytes the client did not mean.
/// </summary>
internal sealed class RequestPayload : ReadOnlyStream
{
    private const string StreamingPrefix = "STREAMING-";

    private readonly Stream _source;
    private readonly AwsChunkedStream? _chunked;
    private readonly long? _expectedLength;
    private readonly byte[]? _expectedMd5;
    private readonly IncrementalHash? _md5;
    private readonly byte[]? _expectedSha256;
    private readonly IncrementalHash? _sha256;
    private readonly string? _expectedChecksum;
    private readonly bool _trailerAnnounced;
    private long _length;
    private bool _verified;

    private RequestPayload(Stream body, IHeaderDictionary headers)
    {
        var contentSha256 = headers["x-amz-content-sha256"].ToString();
        var streaming = contentSha256.StartsWith(StreamingPrefix, StringComparison.Ordinal)
            || ContentEncodings(headers).Contains("aws-chunked", StringComparer.OrdinalIgnoreCase);
        if (streaming)
        {
            _chunked = new AwsChunkedStream(body);
            _source = _chunked;
            var decoded = headers["x-amz-decoded-content-length"].ToString();
            if (decoded.Length > 0)
            {
                _expectedLength = long.TryParse(decoded, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                    ? length
                    : throw S3Errors.InvalidArgument("x-amz-decoded-content-length is not a number.");
            }
        }
        else
        {
            _source = body;
            if (contentSha256.Length == 64 && contentSha256.All(char.IsAsciiHexDigit))
            {
                _expectedSha256 = Convert.FromHexString(contentSha256);
                _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            }
        }

        var contentMd5 = headers["Content-MD5"].ToString();
        if (contentMd5.Length > 0)
        {
            _expectedMd5 = DecodeMd5(contentMd5);
            _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        }

        (Checksum, _expectedChecksum) = ChooseChecksum(headers);
        _trailerAnnounced = _chunked is not null && Checksum is not null && _expectedChecksum is null
            && headers["x-amz-trailer"].ToString().Split(',', StringSplitOptions.TrimEntries).Contains(Checksum.HeaderName, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The flexible checksum computed over the bytes (the one the client sent or asked for); null if none.</summary>
    public S3Checksum? Checksum { get; }

    /// <summary>Wraps the request's body; throws InvalidDigest or InvalidArgument for malformed digest headers.</summary>
    public static RequestPayload Open(HttpRequest request) => new(request.Body, request.Headers);

    /// <summary>For tests and in-process callers: the payload of <paramref name="body"/> under <paramref name="headers"/>.</summary>
    public static RequestPayload Open(Stream body, IHeaderDictionary headers) => new(body, headers);

    /// <summary>The Content-Encoding a client meant for the object: the header without the transport's <c>aws-chunked</c>.</summary>
    public static string? StoredContentEncoding(IHeaderDictionary headers)
    {
        var kept = ContentEncodings(headers).Where(e => !e.Equals("aws-chunked", StringComparison.OrdinalIgnoreCase)).ToList();
        return kept.Count == 0 ? null : string.Join(",", kept);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        var read = await _source.ReadAsync(destination, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            if (!destination.IsEmpty)
            {
                Verify();
            }

            return 0;
        }

        var span = destination.Span[..read];
        _md5?.AppendData(span);
        _sha256?.AppendData(span);
        Checksum?.Append(span);
        _length += read;
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _md5?.Dispose();
            _sha256?.Dispose();
            Checksum?.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Verify()
    {
        if (_verified)
        {
            return;
        }

        _verified = true;
        if (_expectedLength is { } expected && expected != _length)
        {
            throw S3Errors.IncompleteBody($"The decoded body has {_length} bytes; x-amz-decoded-content-length said {expected}.");
        }

        if (_md5 is not null && !_md5.GetCurrentHash().AsSpan().SequenceEqual(_expectedMd5))
        {
            throw S3Errors.BadDigest("Content-MD5");
        }

        if (_sha256 is not null && !_sha256.GetCurrentHash().AsSpan().SequenceEqual(_expectedSha256))
        {
            throw S3Errors.ContentSha256Mismatch();
        }

        if (Checksum is not null)
        {
            var expectedChecksum = _expectedChecksum;
            if (expectedChecksum is null && _chunked is not null && _chunked.Trailers.TryGetValue(Checksum.HeaderName, out var trailer))
            {
                expectedChecksum = trailer;
            }

            // x-amz-trailer promised the checksum; a body without it (a mangled trailer line) cannot be checked.
            if (expectedChecksum is null && _trailerAnnounced)
            {
                throw S3Errors.InvalidRequest($"The aws-chunked request body is malformed: x-amz-trailer announced {Checksum.HeaderName}, but the body has no such trailer.");
            }

            if (expectedChecksum is not null && !string.Equals(expectedChecksum, Checksum.ToBase64(), StringComparison.Ordinal))
            {
                throw S3Errors.BadDigest(Checksum.HeaderName);
            }
        }
    }

    private static (S3Checksum? Checksum, string? Expected) ChooseChecksum(IHeaderDictionary headers)
    {
        foreach (var header in headers)
        {
            if (header.Key.StartsWith(S3Checksum.HeaderPrefix, StringComparison.OrdinalIgnoreCase)
                && !header.Key.Equals("x-amz-checksum-type", StringComparison.OrdinalIgnoreCase)
                && !header.Key.Equals("x-amz-checksum-algorithm", StringComparison.OrdinalIgnoreCase)
                && S3Checksum.Create(header.Key[S3Checksum.HeaderPrefix.Length..]) is { } fromHeader)
            {
                return (fromHeader, header.Value.ToString());
            }
        }

        // A trailer's value arrives after the bytes; the algorithm is announced up front.
        foreach (var trailer in headers["x-amz-trailer"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (trailer.StartsWith(S3Checksum.HeaderPrefix, StringComparison.OrdinalIgnoreCase)
                && S3Checksum.Create(trailer[S3Checksum.HeaderPrefix.Length..]) is { } fromTrailer)
            {
                return (fromTrailer, null);
            }
        }

        var requested = headers["x-amz-sdk-checksum-algorithm"].ToString();
        return (requested.Length > 0 ? S3Checksum.Create(requested) : null, null);
    }

    private static IEnumerable<string> ContentEncodings(IHeaderDictionary headers) =>
        headers.ContentEncoding.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static byte[] DecodeMd5(string base64)
    {
        var bytes = new byte[16];
        return Convert.TryFromBase64String(base64, bytes, out var written) && written == 16 ? bytes : throw S3Errors.InvalidDigest();
    }
}
