using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Protocols;
using Pipeline.LocalCloud.S3.Http;
using Pipeline.LocalCloud.S3.Listing;
using Pipeline.LocalCloud.S3.Notifications;
using Pipeline.LocalCloud.Sqs;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.S3.Operations;

/// <summary>
/// What S3 does on buckets: CreateBucket, HeadBucket, DeleteBucket, ListBuckets, GetBucketLocation, ListObjectsV2 and
/// ListObjects (v1, which AWS CLI v1 and older tools still use), DeleteObjects (<c>POST /bucket?delete</c>), and
/// Put/GetBucketNotificationConfiguration (<c>?notification</c>).
/// </summary>
/// <remarks>Without SQS in this LocalCloud (<paramref name="queues"/> null) every queue destination is refused.</remarks>
internal sealed class BucketOperations(
    IObjectStore store,
    LocalCloudOptions options,
    NotificationConfigurationStore notifications,
    TimeProvider time,
    ISqsQueues? queues = null)
{
    private const int MaxKeysLimit = 1000;
    private const int MaxDeleteObjects = 1000;

    private readonly ObjectLister _lister = new(store);

    public async Task CreateBucketAsync(HttpContext context, string bucket)
    {
        if (!BucketNameRules.IsValid(bucket))
        {
            throw S3Errors.InvalidBucketName(bucket);
        }

        // A CreateBucketConfiguration (LocationConstraint) may follow; every bucket lives in LocalCloud's one region.
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
        if (!await store.CreateBucketAsync(bucket, context.RequestAborted).ConfigureAwait(false))
        {
            throw S3Errors.BucketAlreadyOwnedByYou(bucket);
        }

        context.Response.Headers.Location = "/" + bucket;
        context.Response.ContentLength = 0;
    }

    public async Task HeadBucketAsync(HttpContext context, string bucket)
    {
        await S3Errors.RequireBucketAsync(store, bucket, context.RequestAborted).ConfigureAwait(false);
        context.Response.Headers["x-amz-bucket-region"] = options.Region;
        context.Response.ContentLength = 0;
    }

    public async Task DeleteBucketAsync(HttpContext context, string bucket)
    {
        switch (await store.DeleteBucketAsync(bucket, context.RequestAborted).ConfigureAwait(false))
        {
            case BucketDeletion.NotFound:
                throw S3Errors.NoSuchBucket(bucket);
            case BucketDeletion.NotEmpty:
                throw S3Errors.BucketNotEmpty(bucket);
            default:
                notifications.Remove(bucket);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
        }
    }

    public async Task ListBucketsAsync(HttpContext context)
    {
        var prefix = context.Request.Query["prefix"].ToString();
        var buckets = await store.ListBucketsAsync(context.RequestAborted).ConfigureAwait(false);
        await S3Xml.WriteAsync(context, S3Xml.Element(
            "ListAllMyBucketsResult",
            Owner(),
            S3Xml.Element(
                "Buckets",
                buckets
                    .Where(b => b.Name.StartsWith(prefix, StringComparison.Ordinal))
                    .Select(b => S3Xml.Element(
                        "Bucket",
                        S3Xml.Element("Name", b.Name),
                        S3Xml.Element("CreationDate", S3Formats.IsoDate(b.CreationDate)),
                        S3Xml.Element("BucketRegion", options.Region)))),
            S3Xml.Optional("Prefix", prefix))).ConfigureAwait(false);
    }

    public async Task GetBucketLocationAsync(HttpContext context, string bucket)
    {
        await S3Errors.RequireBucketAsync(store, bucket, context.RequestAborted).ConfigureAwait(false);
        // us-east-1 is the one region S3 reports as an empty LocationConstraint.
        var region = options.Region == "us-east-1" ? null : options.Region;
        await S3Xml.WriteAsync(context, S3Xml.Element("LocationConstraint", region)).ConfigureAwait(false);
    }

    /// <summary>ListObjectsV2 with <c>list-type=2</c>, ListObjects (v1) without it.</summary>
    public async Task ListObjectsAsync(HttpContext context, string bucket)
    {
        var query = context.Request.Query;
        var v2 = query.TryGetValue("list-type", out var listType)
            && (listType.ToString() == "2" ? true : throw S3Errors.InvalidArgument("Invalid List Type specified in Request"));
        var url = UrlEncoded(query);
        string Encode(string value) => url ? S3Formats.UrlEncode(value) : value;
        var prefix = query["prefix"].ToString();
        var delimiter = NullIfEmpty(query["delimiter"].ToString());
        var maxKeys = MaxKeys(query);
        var marker = query["marker"].ToString();
        var token = v2 ? NullIfEmpty(query["continuation-token"].ToString()) : null;
        var startAfter = v2 ? NullIfEmpty(query["start-after"].ToString()) : null;
        var fetchOwner = !v2 || string.Equals(query["fetch-owner"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
        var after = !v2 ? NullIfEmpty(marker) : token is not null ? ContinuationTokens.Decode(token) : startAfter;

        var page = await _lister.ListAsync(bucket, prefix, delimiter, after, maxKeys, context.RequestAborted).ConfigureAwait(false);
        var next = page.IsTruncated ? page.LastEntry : null;
        await S3Xml.WriteAsync(context, S3Xml.Element(
            "ListBucketResult",
            S3Xml.Element("Name", bucket),
            S3Xml.Element("Prefix", Encode(prefix)),
            v2
                ? new object?[] { S3Xml.Optional("ContinuationToken", token), S3Xml.Optional("StartAfter", startAfter is null ? null : Encode(startAfter)), S3Xml.Element("KeyCount", page.KeyCount) }
                // S3 documents NextMarker for delimited listings only; clients fall back to the last key, so always sending it is harmless.
                : new object?[] { S3Xml.Element("Marker", Encode(marker)), S3Xml.Optional("NextMarker", next is null ? null : Encode(next)) },
            S3Xml.Element("MaxKeys", maxKeys),
            S3Xml.Optional("Delimiter", delimiter is null ? null : Encode(delimiter)),
            S3Xml.Element("IsTruncated", page.IsTruncated ? "true" : "false"),
            S3Xml.Optional("NextContinuationToken", v2 && next is not null ? ContinuationTokens.Encode(next) : null),
            S3Xml.Optional("EncodingType", url ? "url" : null),
            page.Contents.Select(o => S3Xml.Element(
                "Contents",
                S3Xml.Element("Key", Encode(o.Key)),
                S3Xml.Element("LastModified", S3Formats.IsoDate(o.LastModified)),
                S3Xml.Element("ETag", o.ETag),
                S3Xml.Element("Size", o.Size),
                fetchOwner ? Owner() : null,
                S3Xml.Element("StorageClass", "STANDARD"))),
            page.CommonPrefixes.Select(p => S3Xml.Element("CommonPrefixes", S3Xml.Element("Prefix", Encode(p)))))).ConfigureAwait(false);
    }

    /// <summary>DeleteObjects: up to 1,000 keys, each reported deleted or failed.</summary>
    public async Task DeleteObjectsAsync(HttpContext context, string bucket)
    {
        await S3Errors.RequireBucketAsync(store, bucket, context.RequestAborted).ConfigureAwait(false);
        var root = await S3Xml.ReadAsync(context, "Delete").ConfigureAwait(false);
        var quiet = string.Equals(S3Xml.ChildValue(root, "Quiet")?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        var requested = S3Xml.Children(root, "Object")
            .Select(o => (Key: S3Xml.ChildValue(o, "Key"), VersionId: S3Xml.ChildValue(o, "VersionId")))
            .ToList();
        if (requested.Count is 0 or > MaxDeleteObjects || requested.Any(o => o.Key is null))
        {
            throw S3Errors.MalformedXml();
        }

        var results = new List<XElement>(requested.Count);
        foreach (var (key, versionId) in requested)
        {
            var error = !FileObjectStore.IsValidKey(key!) ? ("KeyTooLongError", "Your key is too long")
                : versionId is not null && versionId != "null" ? ("NoSuchVersion", "The specified version does not exist.")
                : default((string Code, string Message)?);
            if (error is { } e)
            {
                results.Add(S3Xml.Element("Error", S3Xml.Element("Key", key), S3Xml.Element("Code", e.Code), S3Xml.Element("Message", e.Message)));
                continue;
            }

            await store.DeleteObjectAsync(bucket, key!, context.RequestAborted).ConfigureAwait(false);
            if (!quiet)
            {
                results.Add(S3Xml.Element("Deleted", S3Xml.Element("Key", key)));
            }
        }

        await S3Xml.WriteAsync(context, S3Xml.Element("DeleteResult", results)).ConfigureAwait(false);
    }

    public async Task GetNotificationAsync(HttpContext context, string bucket)
    {
        await S3Errors.RequireBucketAsync(store, bucket, context.RequestAborted).ConfigureAwait(false);
        await S3Xml.WriteAsync(context, NotificationConfigurationXml.ToXml(notifications.Get(bucket))).ConfigureAwait(false);
    }

    public async Task PutNotificationAsync(HttpContext context, string bucket)
    {
        await S3Errors.RequireBucketAsync(store, bucket, context.RequestAborted).ConfigureAwait(false);
        var document = await S3Xml.ReadAsync(context.Request.Body, context.RequestAborted).ConfigureAwait(false);
        var configuration = NotificationConfigurationXml.Parse(document);
        NotificationRules.CheckNoOverlap(configuration);
        NotificationRules.CheckDestinations(configuration, queues);
        notifications.Set(bucket, configuration);

        // S3 proves each destination works with a test message once the configuration is accepted.
        var requestId = RequestIds.Of(context);
        foreach (var queue in configuration.QueueConfigurations.Select(q => q.QueueArn).Distinct(StringComparer.Ordinal))
        {
            await queues!.SendAsync(queue, S3EventMessages.TestEvent(bucket, requestId, time.GetUtcNow()), cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The owner S3 reports for LocalCloud's one account.</summary>
    private XElement Owner() => S3Xml.Element(
        "Owner",
        S3Xml.Element("ID", options.AccountId.PadLeft(64, '0')),
        S3Xml.Element("DisplayName", "localcloud"));

    private static bool UrlEncoded(IQueryCollection query) =>
        query.TryGetValue("encoding-type", out var value)
        && (string.Equals(value.ToString(), "url", StringComparison.OrdinalIgnoreCase)
            ? true
            : throw S3Errors.InvalidArgument("Invalid Encoding Method specified in Request"));

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

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
