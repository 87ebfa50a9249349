using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.Protocols;
using Pipeline.LocalCloud.S3.Http;
using Pipeline.LocalCloud.S3.Multipart;
using Pipeline.LocalCloud.S3.Payload;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.S3.Operations;

/// <summary>
/// CreateMultipartUpload, UploadPart, CompleteMultipartUpload and AbortMultipartUpload: what <c>aws s3 cp</c> and the
/// SDKs' transfer managers use for large files. The completed object gets S3's multipart ETag
/// (<c>"&lt;md5 of the parts' md5s&gt;-&lt;count&gt;"</c>).
/// </summary>
internal sealed class MultipartOperations(IObjectStore store, MultipartUploadStore uploads, TimeProvider time)
{
    /// <summary>S3's minimum size of every part but the last.</summary>
    internal const long MinPartSize = 5L * 1024 * 1024;

    private const int MaxPartNumber = 10_000;

    public async Task CreateAsync(HttpContext context, string bucket, string key)
    {
        await S3Errors.RequireBucketAsync(store, bucket, context.RequestAborted).ConfigureAwait(false);
        var request = context.Request;
        var contentEncoding = request.Headers.ContentEncoding.ToString();
        var upload = uploads.Create(
            bucket,
            key,
            ObjectHeaders.ContentType(request),
            contentEncoding.Length == 0 ? null : contentEncoding,
            ObjectHeaders.UserMetadata(request.Headers),
            time.GetUtcNow());
        await S3Xml.WriteAsync(
            context,
            S3Xml.Element(
                "InitiateMultipartUploadResult",
                S3Xml.Element("Bucket", bucket),
                S3Xml.Element("Key", key),
                S3Xml.Element("UploadId", upload.UploadId))).ConfigureAwait(false);
    }

    public async Task UploadPartAsync(HttpContext context, string bucket, string key)
    {
        var query = context.Request.Query;
        if (!int.TryParse(query["partNumber"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var partNumber)
            || partNumber is < 1 or > MaxPartNumber)
        {
            throw S3Errors.InvalidArgument("Part number must be an integer between 1 and 10000, inclusive");
        }

        var upload = Find(context, bucket, key);
        await using var payload = RequestPayload.Open(context.Request);
        var part = await uploads.WritePartAsync(upload, partNumber, payload, context.RequestAborted).ConfigureAwait(false);
        ObjectHeaders.WriteStored(context.Response, part.ETag, payload.Checksum);
    }

    public async Task CompleteAsync(HttpContext context, string bucket, string key)
    {
        var upload = Find(context, bucket, key);
        var root = await S3Xml.ReadAsync(context, "CompleteMultipartUpload").ConfigureAwait(false);
        var requested = new List<(int Number, string ETag)>();
        foreach (var element in S3Xml.Children(root, "Part"))
        {
            if (!int.TryParse(S3Xml.ChildValue(element, "PartNumber"), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                || S3Xml.ChildValue(element, "ETag") is not { } etag)
            {
                throw S3Errors.MalformedXml();
            }

            requested.Add((number, etag.Trim().Trim('"').ToLowerInvariant()));
        }

        if (requested.Count == 0)
        {
            throw S3Errors.MalformedXml();
        }

        var stored = uploads.Parts(upload.UploadId);
        var chosen = new List<UploadedPart>(requested.Count);
        for (var i = 0; i < requested.Count; i++)
        {
            if (i > 0 && requested[i].Number <= requested[i - 1].Number)
            {
                throw S3Errors.InvalidPartOrder();
            }

            chosen.Add(stored.FirstOrDefault(p => p.PartNumber == requested[i].Number && p.Md5Hex == requested[i].ETag)
                ?? throw S3Errors.InvalidPart());
        }

        if (chosen.Take(chosen.Count - 1).Any(p => p.Size < MinPartSize))
        {
            throw S3Errors.EntityTooSmall();
        }

        var options = new ObjectWriteOptions(
            upload.ContentType,
            upload.ContentEncoding,
            upload.UserMetadata,
            "ObjectCreated:CompleteMultipartUpload",
            MultipartETag(chosen),
            RequestIds.Of(context));
        ObjectInfo info;
        await using (var content = new ConcatenatedStream(chosen.ConvertAll(p => p.Path)))
        {
            info = await store.PutObjectAsync(bucket, key, content, options, context.RequestAborted).ConfigureAwait(false);
        }

        uploads.Delete(upload.UploadId);
        var request = context.Request;
        await S3Xml.WriteAsync(
            context,
            S3Xml.Element(
                "CompleteMultipartUploadResult",
                S3Xml.Element("Location", $"{request.Scheme}://{request.Host}/{bucket}/{S3Formats.UrlEncode(key)}"),
                S3Xml.Element("Bucket", bucket),
                S3Xml.Element("Key", key),
                S3Xml.Element("ETag", info.ETag))).ConfigureAwait(false);
    }

    public Task AbortAsync(HttpContext context, string bucket, string key)
    {
        var upload = Find(context, bucket, key);
        uploads.Delete(upload.UploadId);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    /// <summary>S3's multipart ETag: the MD5 of the concatenated binary part MD5s, a dash, the part count.</summary>
    internal static string MultipartETag(IReadOnlyList<UploadedPart> parts)
    {
        var digests = parts.SelectMany(p => Convert.FromHexString(p.Md5Hex)).ToArray();
        return $"\"{Convert.ToHexStringLower(MD5.HashData(digests))}-{parts.Count.ToString(CultureInfo.InvariantCulture)}\"";
    }

    private MultipartUpload Find(HttpContext context, string bucket, string key)
    {
        var upload = uploads.Find(context.Request.Query["uploadId"].ToString());
        return upload is not null && upload.Bucket == bucket && upload.Key == key ? upload : throw S3Errors.NoSuchUpload();
    }
}
