using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.S3.Http;
using Pipeline.LocalCloud.S3.Operations;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.S3;

/// <summary>
/// S3 over REST-XML, path-style and virtual-hosted. Like the other REST protocol's <c>RestRoutes</c>, an operation
/// table: HTTP method, what the path addresses (the service, a bucket or an object) and the query parameter or header
/// that marks the operation, first match wins. S3 paths are a bucket and a key rather than templates, so the table
/// matches on <see cref="S3Target"/>. Whatever LocalCloud does not serve (ACLs, policies, tagging, versioning, …) gets
/// S3's own 501 NotImplemented, so clients fail fast and clearly instead of misreading a listing.
/// </summary>
internal sealed class S3Endpoint : IAwsServiceEndpoint
{
    /// <summary>The header that makes a PUT on an object a copy (and an UploadPart an UploadPartCopy).</summary>
    private const string CopySource = "x-amz-copy-source";

    /// <summary>Sub-resources S3 has and LocalCloud does not; their presence alone selects another operation.</summary>
    private static readonly string[] UnsupportedSubresources =
    [
        "acl", "policy", "policyStatus", "tagging", "versioning", "versions", "cors", "lifecycle", "website", "logging",
        "replication", "encryption", "accelerate", "analytics", "inventory", "metrics",
        "intelligent-tiering", "ownershipControls", "publicAccessBlock", "object-lock", "legal-hold", "retention",
        "requestPayment", "torrent", "restore", "select", "select-type", "attributes", "session", "metadataTable",
        "metadataConfiguration", "renameObject",
    ];

    private readonly IObjectStore _store;
    private readonly Route[] _routes;

    public S3Endpoint(IObjectStore store, BucketOperations buckets, ObjectOperations objects, MultipartOperations multipart)
    {
        _store = store;
        _routes =
        [
            new("GET", Scope.Service, [], (c, _, _) => buckets.ListBucketsAsync(c)),
            new("GET", Scope.Bucket, ["notification"], (c, b, _) => buckets.GetNotificationAsync(c, b)),
            new("PUT", Scope.Bucket, ["notification"], (c, b, _) => buckets.PutNotificationAsync(c, b)),
            new("*", Scope.Bucket, ["notification"], MethodNotAllowed),
            new("GET", Scope.Bucket, ["location"], (c, b, _) => buckets.GetBucketLocationAsync(c, b)),
            new("GET", Scope.Bucket, [], (c, b, _) => buckets.ListObjectsAsync(c, b)),
            new("HEAD", Scope.Bucket, [], (c, b, _) => buckets.HeadBucketAsync(c, b)),
            new("PUT", Scope.Bucket, [], (c, b, _) => buckets.CreateBucketAsync(c, b)),
            new("DELETE", Scope.Bucket, [], (c, b, _) => buckets.DeleteBucketAsync(c, b)),
            new("POST", Scope.Bucket, ["delete"], (c, b, _) => buckets.DeleteObjectsAsync(c, b)),
            new("POST", Scope.Bucket, [], NotImplemented("this POST on a bucket")),
            new("PUT", Scope.Object, ["uploadId", CopySource], NotImplemented("UploadPartCopy")),
            new("PUT", Scope.Object, ["uploadId"], multipart.UploadPartAsync),
            new("PUT", Scope.Object, [CopySource], objects.CopyObjectAsync),
            new("PUT", Scope.Object, [], objects.PutObjectAsync),
            new("GET", Scope.Object, ["uploadId"], NotImplemented("ListParts")),
            new("HEAD", Scope.Object, ["uploadId"], NotImplemented("ListParts")),
            new("GET", Scope.Object, [], objects.GetObjectAsync),
            new("HEAD", Scope.Object, [], objects.GetObjectAsync),
            new("DELETE", Scope.Object, ["uploadId"], multipart.AbortAsync),
            new("DELETE", Scope.Object, [], objects.DeleteObjectAsync),
            new("POST", Scope.Object, ["uploads"], multipart.CreateAsync),
            new("POST", Scope.Object, ["uploadId"], multipart.CompleteAsync),
            new("POST", Scope.Object, [], NotImplemented("this POST on an object")),
        ];
    }

    /// <summary>What a request's path addresses.</summary>
    private enum Scope
    {
        Service,
        Bucket,
        Object,
    }

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
        var request = context.Request;
        var scope = target.Bucket is null ? Scope.Service : target.Key is null ? Scope.Bucket : Scope.Object;
        if (target.Bucket is { } bucket && UnsupportedSubresource(request.Query, scope == Scope.Bucket) is { } unsupported)
        {
            // S3 looks for the bucket first: a missing bucket is NoSuchBucket whatever was asked of it.
            throw await S3Errors.UnlessNoSuchBucketAsync(_store, bucket, S3Errors.NotImplemented($"the '{unsupported}' sub-resource"), context.RequestAborted).ConfigureAwait(false);
        }

        if (target.Key is { } key && !FileObjectStore.IsValidKey(key))
        {
            throw S3Errors.KeyTooLong();
        }

        foreach (var route in _routes)
        {
            if (route.Scope == scope
                && (route.Method == "*" || string.Equals(route.Method, request.Method, StringComparison.OrdinalIgnoreCase))
                && route.Markers.All(m => m == CopySource ? request.Headers.ContainsKey(m) : request.Query.ContainsKey(m)))
            {
                await route.Handler(context, target.Bucket ?? "", target.Key ?? "").ConfigureAwait(false);
                return;
            }
        }

        throw S3Errors.MethodNotAllowed(request.Method);
    }

    private static Task MethodNotAllowed(HttpContext context, string bucket, string key) => throw S3Errors.MethodNotAllowed(context.Request.Method);

    private static Func<HttpContext, string, string, Task> NotImplemented(string what) => (_, _, _) => throw S3Errors.NotImplemented(what);

    /// <summary>The first sub-resource of the request LocalCloud does not serve; null when there is none.</summary>
    private static string? UnsupportedSubresource(IQueryCollection query, bool onBucket) =>
        UnsupportedSubresources.FirstOrDefault(query.ContainsKey)
        // ListMultipartUploads; on an object, "uploads" is CreateMultipartUpload, which is served.
        ?? (onBucket && query.ContainsKey("uploads") ? "uploads" : null);

    /// <summary>
    /// One operation: <paramref name="Method"/> (<c>*</c> for any), the <paramref name="Scope"/> its path addresses, and
    /// the query parameters (and the <see cref="CopySource"/> header) that must all be present.
    /// </summary>
    private sealed record Route(string Method, Scope Scope, string[] Markers, Func<HttpContext, string, string, Task> Handler);
}
