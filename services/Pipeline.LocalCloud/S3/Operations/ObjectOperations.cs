using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Pipeline.LocalCloud.Protocols;
using Pipeline.LocalCloud.S3.Http;
using Pipeline.LocalCloud.S3.Payload;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.S3.Operations;

/// <summary>PutObject, GetObject, HeadObject, DeleteObject and CopyObject.</summary>
internal sealed class ObjectOperations(IObjectStore store)
{
    private const int CopyBufferSize = 128 * 1024;

    public async Task PutObjectAsync(HttpContext context, string bucket, string key)
    {
        var request = context.Request;
        // Checked before reading a byte, so a PUT to a missing bucket is refused without uploading it.
        await S3Errors.RequireBucketAsync(store, bucket, context.RequestAborted).ConfigureAwait(false);
        var metadata = ObjectHeaders.UserMetadata(request.Headers);
        await using var payload = RequestPayload.Open(request);
        var options = new ObjectWriteOptions(
            ObjectHeaders.ContentType(request),
            RequestPayload.StoredContentEncoding(request.Headers),
            metadata,
            RequestId: RequestIds.Of(context));
        var info = await store.PutObjectAsync(bucket, key, payload, options, context.RequestAborted).ConfigureAwait(false);
        ObjectHeaders.WriteStored(context.Response, info.ETag, payload.Checksum);
    }

    /// <summary>GetObject, or HeadObject when the request is a HEAD (same headers and statuses, no body).</summary>
    public async Task GetObjectAsync(HttpContext context, string bucket, string key)
    {
        RejectVersionId(context.Request);
        await using var stored = await store.OpenObjectAsync(bucket, key, context.RequestAborted).ConfigureAwait(false)
            ?? throw await S3Errors.UnlessNoSuchBucketAsync(store, bucket, S3Errors.NoSuchKey(), context.RequestAborted).ConfigureAwait(false);
        var info = stored.Info;
        var response = context.Response;
        if (Preconditions.Evaluate(context.Request.Headers, info) == PreconditionOutcome.NotModified)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.Headers.ETag = info.ETag;
            response.Headers.LastModified = S3Formats.HttpDate(info.LastModified);
            return;
        }

        var range = ByteRange.Parse(context.Request.Headers.Range.ToString(), info.Size);
        ObjectHeaders.Write(context, info);
        long start = 0;
        var length = info.Size;
        if (range is { } r)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = $"bytes {r.Start}-{r.End}/{info.Size}";
            start = r.Start;
            length = r.Length;
        }
        else
        {
            response.StatusCode = StatusCodes.Status200OK;
        }

        response.ContentLength = length;
        if (HttpMethods.IsHead(context.Request.Method) || length == 0)
        {
            return;
        }

        await CopyRangeAsync(stored.Content, start, length, response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    public async Task DeleteObjectAsync(HttpContext context, string bucket, string key)
    {
        RejectVersionId(context.Request);
        await store.DeleteObjectAsync(bucket, key, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public async Task CopyObjectAsync(HttpContext context, string bucket, string key)
    {
        var request = context.Request;
        var (sourceBucket, sourceKey) = ParseCopySource(request.Headers["x-amz-copy-source"].ToString());
        var directive = request.Headers["x-amz-metadata-directive"].ToString().ToUpperInvariant();
        if (directive is not ("" or "COPY" or "REPLACE"))
        {
            throw S3Errors.InvalidArgument("Unknown metadata directive.");
        }

        await S3Errors.RequireBucketAsync(store, bucket, context.RequestAborted).ConfigureAwait(false);
        await using var source = await store.OpenObjectAsync(sourceBucket, sourceKey, context.RequestAborted).ConfigureAwait(false)
            ?? throw await S3Errors.UnlessNoSuchBucketAsync(store, sourceBucket, S3Errors.NoSuchKey(), context.RequestAborted).ConfigureAwait(false);
        if (Preconditions.EvaluateCopySource(request.Headers, source.Info) != PreconditionOutcome.Proceed)
        {
            throw S3Errors.PreconditionFailed();
        }

        var replace = directive == "REPLACE";
        if (!replace && sourceBucket == bucket && sourceKey == key
            && !request.Headers.ContainsKey("x-amz-storage-class")
            && !request.Headers.ContainsKey("x-amz-website-redirect-location")
            && !request.Headers.ContainsKey("x-amz-server-side-encryption"))
        {
            throw S3Errors.InvalidRequest(
                "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.");
        }

        var options = replace
            ? new ObjectWriteOptions(ObjectHeaders.ContentType(request), request.Headers.ContentEncoding.ToString() is { Length: > 0 } encoding ? encoding : null, ObjectHeaders.UserMetadata(request.Headers))
            : new ObjectWriteOptions(source.Info.ContentType, source.Info.ContentEncoding, source.Info.UserMetadata);
        options = options with { EventName = "ObjectCreated:Copy", RequestId = RequestIds.Of(context) };
        var info = await store.PutObjectAsync(bucket, key, source.Content, options, context.RequestAborted).ConfigureAwait(false);

        await S3Xml.WriteAsync(
            context,
            S3Xml.Element(
                "CopyObjectResult",
                S3Xml.Element("LastModified", S3Formats.IsoDate(info.LastModified)),
                S3Xml.Element("ETag", info.ETag))).ConfigureAwait(false);
    }

    /// <summary>
    /// The source of a copy: <c>[/]bucket/key[?versionId=…]</c>, URL-encoded. Only the null version exists here.
    /// </summary>
    internal static (string Bucket, string Key) ParseCopySource(string header)
    {
        var value = header.StartsWith('/') ? header[1..] : header;
        var query = value.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            var parameters = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(value[query..]);
            if (parameters.TryGetValue("versionId", out var version) && version.ToString() != "null")
            {
                throw S3Errors.InvalidArgument("Invalid version id specified");
            }

            value = value[..query];
        }

        var decoded = S3TargetParser.Decode(value);
        var slash = decoded.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == decoded.Length - 1)
        {
            throw S3Errors.InvalidArgument("Copy Source must mention the source bucket and key: sourcebucket/sourcekey");
        }

        var key = decoded[(slash + 1)..];
        if (!FileObjectStore.IsValidKey(key))
        {
            throw S3Errors.KeyTooLong();
        }

        return (decoded[..slash], key);
    }

    /// <summary>Buckets are unversioned: the only version id is <c>null</c>.</summary>
    private static void RejectVersionId(HttpRequest request)
    {
        if (request.Query.TryGetValue("versionId", out StringValues version) && version.ToString() != "null")
        {
            throw S3Errors.InvalidArgument("Invalid version id specified");
        }
    }

    private static async Task CopyRangeAsync(Stream source, long start, long length, Stream destination, CancellationToken cancellationToken)
    {
        source.Seek(start, SeekOrigin.Begin);
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            var remaining = length;
            while (remaining > 0)
            {
                var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(CopyBufferSize, remaining)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException("An object's content file is shorter than its recorded size.");
                }

                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                remaining -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
