using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.S3.Http;
using Pipeline.LocalCloud.S3.Listing;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.S3.Operations;

/// <summary>ListObjectsV2 and ListObjects (v1, which AWS CLI v1 and older tools still use).</summary>
internal sealed class ListOperations(IObjectStore store, BucketOperations buckets)
{
    private const int MaxKeysLimit = 1000;

    private readonly ObjectLister _lister = new(store);

    public async Task ListObjectsV2Async(HttpContext context, string bucket)
    {
        var query = context.Request.Query;
        var url = UrlEncoded(query);
        var prefix = query["prefix"].ToString();
        var delimiter = NullIfEmpty(query["delimiter"].ToString());
        var maxKeys = MaxKeys(query);
        var token = NullIfEmpty(query["continuation-token"].ToString());
        var startAfter = NullIfEmpty(query["start-after"].ToString());
        var fetchOwner = string.Equals(query["fetch-owner"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
        var marker = token is not null ? ContinuationTokens.Decode(token) : startAfter;

        var page = await _lister.ListAsync(bucket, prefix, delimiter, marker, maxKeys, context.RequestAborted).ConfigureAwait(false);
        var document = S3Xml.Element(
            "ListBucketResult",
            S3Xml.Element("Name", bucket),
            S3Xml.Element("Prefix", Encode(prefix, url)),
            token is not null ? S3Xml.Element("ContinuationToken", token) : null,
            startAfter is not null ? S3Xml.Element("StartAfter", Encode(startAfter, url)) : null,
            S3Xml.Element("KeyCount", page.KeyCount),
            S3Xml.Element("MaxKeys", maxKeys),
            delimiter is not null ? S3Xml.Element("Delimiter", Encode(delimiter, url)) : null,
            S3Xml.Element("IsTruncated", page.IsTruncated ? "true" : "false"),
            page.IsTruncated && page.LastEntry is not null ? S3Xml.Element("NextContinuationToken", ContinuationTokens.Encode(page.LastEntry)) : null,
            url ? S3Xml.Element("EncodingType", "url") : null,
            page.Contents.Select(o => Contents(o, url, fetchOwner)),
            page.CommonPrefixes.Select(p => S3Xml.Element("CommonPrefixes", S3Xml.Element("Prefix", Encode(p, url)))));
        await S3Xml.WriteAsync(context, document).ConfigureAwait(false);
    }

    public async Task ListObjectsAsync(HttpContext context, string bucket)
    {
        var query = context.Request.Query;
        var url = UrlEncoded(query);
        var prefix = query["prefix"].ToString();
        var delimiter = NullIfEmpty(query["delimiter"].ToString());
        var maxKeys = MaxKeys(query);
        var marker = query["marker"].ToString();

        var page = await _lister.ListAsync(bucket, prefix, delimiter, NullIfEmpty(marker), maxKeys, context.RequestAborted).ConfigureAwait(false);
        var document = S3Xml.Element(
            "ListBucketResult",
            S3Xml.Element("Name", bucket),
            S3Xml.Element("Prefix", Encode(prefix, url)),
            S3Xml.Element("Marker", Encode(marker, url)),
            // S3 documents NextMarker for delimited listings only; clients fall back to the last key, so always sending it is harmless.
            page.IsTruncated && page.LastEntry is not null ? S3Xml.Element("NextMarker", Encode(page.LastEntry, url)) : null,
            S3Xml.Element("MaxKeys", maxKeys),
            delimiter is not null ? S3Xml.Element("Delimiter", Encode(delimiter, url)) : null,
            S3Xml.Element("IsTruncated", page.IsTruncated ? "true" : "false"),
            url ? S3Xml.Element("EncodingType", "url") : null,
            page.Contents.Select(o => Contents(o, url, fetchOwner: true)),
            page.CommonPrefixes.Select(p => S3Xml.Element("CommonPrefixes", S3Xml.Element("Prefix", Encode(p, url)))));
        await S3Xml.WriteAsync(context, document).ConfigureAwait(false);
    }

    private XElement Contents(ObjectInfo info, bool url, bool fetchOwner) => S3Xml.Element(
        "Contents",
        S3Xml.Element("Key", Encode(info.Key, url)),
        S3Xml.Element("LastModified", S3Formats.IsoDate(info.LastModified)),
        S3Xml.Element("ETag", info.ETag),
        S3Xml.Element("Size", info.Size),
        fetchOwner ? buckets.Owner() : null,
        S3Xml.Element("StorageClass", "STANDARD"));

    private static bool UrlEncoded(IQueryCollection query)
    {
        if (!query.TryGetValue("encoding-type", out var value))
        {
            return false;
        }

        return string.Equals(value.ToString(), "url", StringComparison.OrdinalIgnoreCase)
            ? true
            : throw S3Errors.InvalidArgument("Invalid Encoding Method specified in Request");
    }

    private static int MaxKeys(IQueryCollection query)
    {
        var text = query["max-keys"].ToString();
        if (text.Length == 0)
        {
            return MaxKeysLimit;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            // Larger than int is still a valid request; S3 caps it like any other value over 1,000.
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                ? MaxKeysLimit
                : throw S3Errors.InvalidArgument("Provided max-keys not an integer or within integer range");
        }

        return Math.Min(value, MaxKeysLimit);
    }

    private static string Encode(string value, bool url) => url ? S3Formats.UrlEncode(value) : value;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
