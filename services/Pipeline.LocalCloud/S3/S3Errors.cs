using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.S3;

/// <summary>S3's error codes, statuses and messages, so SDKs raise the exceptions they raise against AWS.</summary>
internal static class S3Errors
{
    /// <summary>Throws NoSuchBucket unless the bucket exists.</summary>
    public static async Task RequireBucketAsync(IObjectStore store, string bucket, CancellationToken cancellationToken)
    {
        if (!await store.BucketExistsAsync(bucket, cancellationToken).ConfigureAwait(false))
        {
            throw NoSuchBucket(bucket);
        }
    }

    /// <summary><paramref name="error"/>, or NoSuchBucket when the bucket is missing too: S3 looks for the bucket first.</summary>
    public static async Task<AwsServiceException> UnlessNoSuchBucketAsync(IObjectStore store, string bucket, AwsServiceException error, CancellationToken cancellationToken) =>
        await store.BucketExistsAsync(bucket, cancellationToken).ConfigureAwait(false) ? error : NoSuchBucket(bucket);

    public static AwsServiceException NoSuchBucket(string bucket) =>
        new("NoSuchBucket", $"The specified bucket does not exist: {bucket}", 404);

    public static AwsServiceException NoSuchKey() =>
        new("NoSuchKey", "The specified key does not exist.", 404);

    public static AwsServiceException NoSuchUpload() =>
        new("NoSuchUpload", "The specified multipart upload does not exist. The upload ID might be invalid, or the multipart upload might have been aborted or completed.", 404);

    public static AwsServiceException BucketAlreadyOwnedByYou(string bucket) =>
        new("BucketAlreadyOwnedByYou", $"Your previous request to create the named bucket succeeded and you already own it: {bucket}", 409);

    public static AwsServiceException BucketNotEmpty(string bucket) =>
        new("BucketNotEmpty", $"The bucket you tried to delete is not empty: {bucket}", 409);

    public static AwsServiceException InvalidBucketName(string bucket) =>
        new("InvalidBucketName", $"The specified bucket is not valid: {bucket}");

    public static AwsServiceException KeyTooLong() =>
        new("KeyTooLongError", "Your key is too long: object keys are at most 1024 bytes of UTF-8.");

    public static AwsServiceException InvalidArgument(string message) => new("InvalidArgument", message);

    public static AwsServiceException InvalidRequest(string message) => new("InvalidRequest", message);

    public static AwsServiceException InvalidUri() => new("InvalidURI", "Couldn't parse the specified URI.");

    public static AwsServiceException MalformedXml() =>
        new("MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema.");

    public static AwsServiceException BadDigest(string what) =>
        new("BadDigest", $"The {what} you specified did not match the calculated checksum.");

    public static AwsServiceException InvalidDigest() =>
        new("InvalidDigest", "The Content-MD5 you specified is not valid.");

    public static AwsServiceException ContentSha256Mismatch() =>
        new("XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.");

    public static AwsServiceException IncompleteBody(string message = "You did not provide the number of bytes specified by the Content-Length HTTP header.") =>
        new("IncompleteBody", message);

    public static AwsServiceException EntityTooLarge() =>
        new("EntityTooLarge", "Your proposed upload exceeds the maximum allowed object size.");

    public static AwsServiceException EntityTooSmall() =>
        new("EntityTooSmall", "Your proposed upload is smaller than the minimum allowed object size.");

    public static AwsServiceException MetadataTooLarge() =>
        new("MetadataTooLarge", "Your metadata headers exceed the maximum allowed metadata size (2 KB).");

    public static AwsServiceException InvalidRange() =>
        new("InvalidRange", "The requested range is not satisfiable", 416);

    public static AwsServiceException PreconditionFailed() =>
        new("PreconditionFailed", "At least one of the pre-conditions you specified did not hold", 412);

    public static AwsServiceException InvalidPart() =>
        new("InvalidPart", "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.");

    public static AwsServiceException InvalidPartOrder() =>
        new("InvalidPartOrder", "The list of parts was not in ascending order. Parts must be ordered by part number.");

    public static AwsServiceException MethodNotAllowed(string method) =>
        new("MethodNotAllowed", $"The specified method is not allowed against this resource: {method}", 405);

    /// <summary>What S3 answers for functionality it does not have; here, for what LocalCloud does not serve.</summary>
    public static AwsServiceException NotImplemented(string what) =>
        new("NotImplemented", $"LocalCloud's S3 does not implement {what}.", 501);
}
