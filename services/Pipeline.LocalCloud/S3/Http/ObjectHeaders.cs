using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.S3.Payload;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.S3.Http;

/// <summary>Object metadata in and out of HTTP headers.</summary>
internal static class ObjectHeaders
{
    public const string MetadataPrefix = "x-amz-meta-";

    /// <summary>S3's limit on user metadata: names and values together, in UTF-8 bytes.</summary>
    private const int MaxMetadataBytes = 2 * 1024;

    /// <summary>The <c>x-amz-meta-*</c> pairs of a request, names lower-cased as S3 stores them.</summary>
    public static Dictionary<string, string> UserMetadata(IHeaderDictionary headers)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var bytes = 0;
        foreach (var (name, value) in headers)
        {
            if (name.Length > MetadataPrefix.Length && name.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var key = name[MetadataPrefix.Length..].ToLowerInvariant();
                var text = value.ToString();
                metadata[key] = text;
                bytes += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(text);
            }
        }

        if (bytes > MaxMetadataBytes)
        {
            throw S3Errors.MetadataTooLarge();
        }

        return metadata;
    }

    /// <summary>The stored Content-Type of a write, S3's default when the client sends none.</summary>
    public static string ContentType(HttpRequest request) =>
        string.IsNullOrEmpty(request.ContentType) ? "binary/octet-stream" : request.ContentType;

    /// <summary>The empty 200 of a stored PutObject or UploadPart: its ETag, and the checksum computed over its bytes.</summary>
    public static void WriteStored(HttpResponse response, string etag, S3Checksum? checksum)
    {
        response.Headers.ETag = etag;
        if (checksum is not null)
        {
            response.Headers[checksum.HeaderName] = checksum.ToBase64();
        }

        response.ContentLength = 0;
    }

    /// <summary>The headers GetObject and HeadObject answer with, before any response-* override.</summary>
    public static void Write(HttpContext context, ObjectInfo info)
    {
        var headers = context.Response.Headers;
        headers.ETag = info.ETag;
        headers.LastModified = S3Formats.HttpDate(info.LastModified);
        headers.AcceptRanges = "bytes";
        headers.ContentType = info.ContentType;
        if (info.ContentEncoding is not null)
        {
            headers.ContentEncoding = info.ContentEncoding;
        }

        foreach (var (name, value) in info.UserMetadata)
        {
            headers[MetadataPrefix + name] = S3Formats.HeaderValue(value);
        }

        var query = context.Request.Query;
        Override(headers, query, "response-content-type", "Content-Type");
        Override(headers, query, "response-content-encoding", "Content-Encoding");
        Override(headers, query, "response-content-language", "Content-Language");
        Override(headers, query, "response-content-disposition", "Content-Disposition");
        Override(headers, query, "response-cache-control", "Cache-Control");
        Override(headers, query, "response-expires", "Expires");
    }

    private static void Override(IHeaderDictionary headers, IQueryCollection query, string parameter, string header)
    {
        if (query.TryGetValue(parameter, out var value) && value.Count > 0)
        {
            headers[header] = S3Formats.HeaderValue(value.ToString());
        }
    }
}

/// <summary>
/// S3's conditional reads: If-Match / If-Unmodified-Since fail with 412, If-None-Match / If-Modified-Since answer
/// 304; an ETag condition that holds overrides the date condition paired with it, as S3 documents.
/// </summary>
internal static class Preconditions
{
    /// <summary>Conditions on a GET or HEAD; throws PreconditionFailed, or says whether to answer 304.</summary>
    public static PreconditionOutcome Evaluate(IHeaderDictionary headers, ObjectInfo info)
    {
        var outcome = Evaluate(
            info,
            headers.IfMatch.ToString(),
            headers.IfNoneMatch.ToString(),
            headers.IfModifiedSince.ToString(),
            headers.IfUnmodifiedSince.ToString());
        return outcome == PreconditionOutcome.Failed ? throw S3Errors.PreconditionFailed() : outcome;
    }

    /// <summary>The <c>x-amz-copy-source-if-*</c> conditions of a copy; any that does not hold fails the copy.</summary>
    public static PreconditionOutcome EvaluateCopySource(IHeaderDictionary headers, ObjectInfo info) => Evaluate(
        info,
        headers["x-amz-copy-source-if-match"].ToString(),
        headers["x-amz-copy-source-if-none-match"].ToString(),
        headers["x-amz-copy-source-if-modified-since"].ToString(),
        headers["x-amz-copy-source-if-unmodified-since"].ToString());

    private static PreconditionOutcome Evaluate(ObjectInfo info, string ifMatch, string ifNoneMatch, string ifModifiedSince, string ifUnmodifiedSince)
    {
        // HTTP dates have whole seconds; compare the object's time at the same precision.
        var modified = DateTimeOffset.FromUnixTimeSeconds(info.LastModified.ToUnixTimeSeconds());
        if (ifMatch.Length > 0)
        {
            if (!Matches(ifMatch, info.ETag))
            {
                return PreconditionOutcome.Failed;
            }
        }
        else if (S3Formats.ParseHttpDate(ifUnmodifiedSince) is { } unmodifiedSince && modified > unmodifiedSince)
        {
            return PreconditionOutcome.Failed;
        }

        if (ifNoneMatch.Length > 0)
        {
            return Matches(ifNoneMatch, info.ETag) ? PreconditionOutcome.NotModified : PreconditionOutcome.Proceed;
        }

        return S3Formats.ParseHttpDate(ifModifiedSince) is { } modifiedSince && modified <= modifiedSince
            ? PreconditionOutcome.NotModified
            : PreconditionOutcome.Proceed;
    }

    private static bool Matches(string header, string etag)
    {
        var bare = etag.Trim('"');
        foreach (var candidate in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var value = candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate;
            if (value == "*" || value.Trim('"') == bare)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>What conditional request headers decide: serve, answer 304, or fail with 412 PreconditionFailed.</summary>
internal enum PreconditionOutcome
{
    Proceed,
    NotModified,
    Failed,
}

/// <summary>A satisfiable byte range of an object: <see cref="Start"/> to <see cref="End"/> inclusive.</summary>
internal readonly partial record struct ByteRange(long Start, long End)
{
    public long Length => End - Start + 1;

    /// <summary>
    /// Reads a <c>Range</c> header against an object of <paramref name="size"/> bytes the way S3 does: null (serve the
    /// whole object) for no header, a header S3 ignores (not <c>bytes=</c>, several ranges, malformed), and InvalidRange
    /// for a well-formed range that starts past the end or asks for a suffix of an empty object.
    /// </summary>
    public static ByteRange? Parse(string? header, long size)
    {
        if (header is null || SingleRange().Match(header) is not { Success: true } range)
        {
            return null;
        }

        var (first, last) = (range.Groups[1].Value, range.Groups[2].Value);
        if (first.Length == 0)
        {
            // bytes=-N: the last N bytes.
            return !TryParse(last, out var suffix) ? null
                : suffix == 0 || size == 0 ? throw S3Errors.InvalidRange()
                : new ByteRange(Math.Max(0, size - suffix), size - 1);
        }

        var end = size - 1;
        if (!TryParse(first, out var start) || (last.Length > 0 && (!TryParse(last, out end) || end < start)))
        {
            return null;
        }

        return start >= size ? throw S3Errors.InvalidRange() : new ByteRange(start, Math.Min(end, size - 1));
    }

    [GeneratedRegex(@"^bytes=\s*([0-9]*)\s*-\s*([0-9]*)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SingleRange();

    private static bool TryParse(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
