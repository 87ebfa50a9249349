using System.Text;
using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Protocols;
using Pipeline.LocalCloud.S3.Http;
using Pipeline.LocalCloud.S3.Notifications;
using Pipeline.LocalCloud.S3.Operations;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.S3;

/// <summary>
/// S3 over REST-XML, path-style and virtual-hosted: routes each request to its operation by method, bucket, key and
/// sub-resource. Whatever it does not serve (ACLs, policies, tagging, versioning, …) gets S3's own 501
/// NotImplemented, so clients fail fast and clearly instead of misreading a listing.
/// </summary>
internal sealed class S3Endpoint(
    IObjectStore store,
    BucketOperations buckets,
    ObjectOperations objects,
    ListOperations lists,
    DeleteObjectsOperation deleteObjects,
    MultipartOperations multipart,
    NotificationOperations notifications) : IAwsServiceEndpoint
{
    private const int MaxKeyBytes = 1024;

    /// <summary>Sub-resources S3 has and LocalCloud does not; their presence alone selects another operation.</summary>
    private static readonly string[] UnsupportedSubresources =
    [
        "acl", "policy", "policyStatus", "tagging", "versioning", "versions", "cors", "lifecycle", "website", "logging",
        "replication", "encryption", "accelerate", "analytics", "inventory", "metrics",
        "intelligent-tiering", "ownershipControls", "publicAccessBlock", "object-lock", "legal-hold", "retention",
        "requestPayment", "torrent", "restore", "select", "select-type", "attributes", "session", "metadataTable",
        "metadataConfiguration", "renameObject",
    ];

    public string SigningName => "s3";

    public AwsProtocol Protocol => AwsProtocol.RestXml;

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await DispatchAsync(context, S3TargetParser.Parse(context)).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's word for a body that ended early or ran over the size limit; S3 has its own for both.
            throw e.StatusCode == StatusCodes.Status413PayloadTooLarge ? S3Errors.EntityTooLarge() : S3Errors.IncompleteBody();
        }
        catch (IOException) when (context.RequestAborted.IsCancellationRequested)
        {
            throw new OperationCanceledException(context.RequestAborted);
        }
    }

    private async Task DispatchAsync(HttpContext context, S3Target target)
    {
        var method = context.Request.Method;
        if (target.Bucket is not { } bucket)
        {
            await (HttpMethods.IsGet(method) ? buckets.ListBucketsAsync(context) : throw S3Errors.MethodNotAllowed(method)).ConfigureAwait(false);
            return;
        }

        if (UnsupportedSubresource(context.Request.Query, target.Key is null) is { } unsupported)
        {
            // S3 looks for the bucket first: a missing bucket is NoSuchBucket whatever was asked of it.
            throw await store.BucketExistsAsync(bucket, context.RequestAborted).ConfigureAwait(false)
                ? S3Errors.NotImplemented($"the '{unsupported}' sub-resource")
                : S3Errors.NoSuchBucket(bucket);
        }

        await (target.Key is { } key ? DispatchObject(context, method, bucket, key) : DispatchBucket(context, method, bucket)).ConfigureAwait(false);
    }

    private Task DispatchBucket(HttpContext context, string method, string bucket)
    {
        var query = context.Request.Query;
        if (query.ContainsKey("notification"))
        {
            return HttpMethods.IsGet(method) ? notifications.GetAsync(context, bucket)
                : HttpMethods.IsPut(method) ? notifications.PutAsync(context, bucket)
                : throw S3Errors.MethodNotAllowed(method);
        }

        if (HttpMethods.IsGet(method))
        {
            if (query.ContainsKey("location"))
            {
                return buckets.GetBucketLocationAsync(context, bucket);
            }

            return query.TryGetValue("list-type", out var listType)
                ? listType.ToString() == "2" ? lists.ListObjectsV2Async(context, bucket) : throw S3Errors.InvalidArgument("Invalid List Type specified in Request")
                : lists.ListObjectsAsync(context, bucket);
        }

        if (HttpMethods.IsHead(method))
        {
            return buckets.HeadBucketAsync(context, bucket);
        }

        if (HttpMethods.IsPut(method))
        {
            return buckets.CreateBucketAsync(context, bucket);
        }

        if (HttpMethods.IsDelete(method))
        {
            return buckets.DeleteBucketAsync(context, bucket);
        }

        if (HttpMethods.IsPost(method))
        {
            return query.ContainsKey("delete") ? deleteObjects.HandleAsync(context, bucket) : throw S3Errors.NotImplemented("this POST on a bucket");
        }

        throw S3Errors.MethodNotAllowed(method);
    }

    private Task DispatchObject(HttpContext context, string method, string bucket, string key)
    {
        if (Encoding.UTF8.GetByteCount(key) > MaxKeyBytes)
        {
            throw S3Errors.KeyTooLong();
        }

        var request = context.Request;
        var query = request.Query;
        var isUpload = query.ContainsKey("uploadId");
        if (HttpMethods.IsPut(method))
        {
            var isCopy = request.Headers.ContainsKey("x-amz-copy-source");
            if (isUpload)
            {
                return isCopy ? throw S3Errors.NotImplemented("UploadPartCopy") : multipart.UploadPartAsync(context, bucket, key);
            }

            return isCopy ? objects.CopyObjectAsync(context, bucket, key) : objects.PutObjectAsync(context, bucket, key);
        }

        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            return isUpload ? throw S3Errors.NotImplemented("ListParts") : objects.GetObjectAsync(context, bucket, key);
        }

        if (HttpMethods.IsDelete(method))
        {
            return isUpload ? multipart.AbortAsync(context, bucket, key) : objects.DeleteObjectAsync(context, bucket, key);
        }

        if (HttpMethods.IsPost(method))
        {
            if (query.ContainsKey("uploads"))
            {
                return multipart.CreateAsync(context, bucket, key);
            }

            return isUpload ? multipart.CompleteAsync(context, bucket, key) : throw S3Errors.NotImplemented("this POST on an object");
        }

        throw S3Errors.MethodNotAllowed(method);
    }

    /// <summary>The first sub-resource of the request LocalCloud does not serve; null when there is none.</summary>
    private static string? UnsupportedSubresource(IQueryCollection query, bool onBucket)
    {
        foreach (var name in UnsupportedSubresources)
        {
            if (query.ContainsKey(name))
            {
                return name;
            }
        }

        // ListMultipartUploads; on an object, "uploads" is CreateMultipartUpload, which is served.
        return onBucket && query.ContainsKey("uploads") ? "uploads" : null;
    }
}
