using System.Text;
using Microsoft.AspNetCore.Http;
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
