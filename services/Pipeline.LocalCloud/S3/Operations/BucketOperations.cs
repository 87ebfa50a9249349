using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.S3.Http;
using Pipeline.LocalCloud.S3.Notifications;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.S3.Operations;

/// <summary>CreateBucket, HeadBucket, DeleteBucket, ListBuckets and GetBucketLocation.</summary>
internal sealed class BucketOperations(IObjectStore store, LocalCloudOptions options, NotificationConfigurationStore notifications)
{
    public async Task CreateBucketAsync(HttpContext context, string bucket)
    {
        if (!BucketNameRules.IsValid(bucket))
        {
            throw S3Errors.InvalidBucketName(bucket);
        }

        // A CreateBucketConfiguration (LocationConstraint) may follow; every bucket lives in LocalCloud's one region.
        await DrainAsync(context).ConfigureAwait(false);
        if (!await store.CreateBucketAsync(bucket, context.RequestAborted).ConfigureAwait(false))
        {
            throw S3Errors.BucketAlreadyOwnedByYou(bucket);
        }

        context.Response.Headers.Location = "/" + bucket;
        Empty(context, StatusCodes.Status200OK);
    }

    public async Task HeadBucketAsync(HttpContext context, string bucket)
    {
        await RequireBucketAsync(context, bucket).ConfigureAwait(false);
        context.Response.Headers["x-amz-bucket-region"] = options.Region;
        Empty(context, StatusCodes.Status200OK);
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
                Empty(context, StatusCodes.Status204NoContent);
                break;
        }
    }

    public async Task ListBucketsAsync(HttpContext context)
    {
        var prefix = context.Request.Query["prefix"].ToString();
        var buckets = await store.ListBucketsAsync(context.RequestAborted).ConfigureAwait(false);
        var document = S3Xml.Element(
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
            prefix.Length > 0 ? S3Xml.Element("Prefix", prefix) : null);
        await S3Xml.WriteAsync(context, document).ConfigureAwait(false);
    }

    public async Task GetBucketLocationAsync(HttpContext context, string bucket)
    {
        await RequireBucketAsync(context, bucket).ConfigureAwait(false);
        // us-east-1 is the one region S3 reports as an empty LocationConstraint.
        var region = options.Region == "us-east-1" ? null : options.Region;
        await S3Xml.WriteAsync(context, S3Xml.Element("LocationConstraint", region)).ConfigureAwait(false);
    }

    /// <summary>The owner S3 reports for LocalCloud's one account.</summary>
    public XElement Owner() => S3Xml.Element(
        "Owner",
        S3Xml.Element("ID", OwnerId),
        S3Xml.Element("DisplayName", "localcloud"));

    private string OwnerId => options.AccountId.PadLeft(64, '0');

    private async Task RequireBucketAsync(HttpContext context, string bucket)
    {
        if (!await store.BucketExistsAsync(bucket, context.RequestAborted).ConfigureAwait(false))
        {
            throw S3Errors.NoSuchBucket(bucket);
        }
    }

    private static async Task DrainAsync(HttpContext context)
    {
        var buffer = new byte[4096];
        while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false) > 0)
        {
        }
    }

    private static void Empty(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        if (status != StatusCodes.Status204NoContent)
        {
            context.Response.ContentLength = 0;
        }
    }
}
