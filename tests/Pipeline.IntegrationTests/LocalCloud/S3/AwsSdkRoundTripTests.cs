using System.Net;
using System.Security.Cryptography;
using System.Text;
using Amazon.S3.Model;
using Pipeline.IntegrationTests.LocalCloud.S3.Support;

namespace Pipeline.IntegrationTests.LocalCloud.S3;

/// <summary>AWSSDK.S3, unchanged, stores and reads objects in LocalCloud: put, get, ranges, head, copy, delete.</summary>
public sealed class AwsSdkRoundTripTests(LocalCloudServer server) : IClassFixture<LocalCloudServer>
{
    [Fact]
    public async Task Put_get_range_and_head_agree_on_bytes_and_metadata()
    {
        using var s3 = server.CreateS3Client();
        var bucket = LocalCloudServer.NewBucketName("sdk");
        const string key = "raw/clickstream/year=2026/month=01/part 1+é.json";
        const string body = "{\"event_id\":\"e1\"}\n{\"event_id\":\"e2\"}\n";
        await s3.PutBucketAsync(bucket);

        var put = await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            ContentBody = body,
            ContentType = "application/json",
            Metadata = { ["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" },
        });
        using var whole = await s3.GetObjectAsync(bucket, key);
        using var part = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key, ByteRange = new ByteRange(2, 9) });
        var head = await s3.GetObjectMetadataAsync(bucket, key);

        var md5 = "\"" + Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body))) + "\"";
        Assert.Equal(md5, put.ETag);
        Assert.Equal(body, await new StreamReader(whole.ResponseStream).ReadToEndAsync());
        Assert.Equal("application/json", whole.Headers.ContentType);
        Assert.Equal(HttpStatusCode.PartialContent, part.HttpStatusCode);
        Assert.Equal(body[2..10], await new StreamReader(part.ResponseStream).ReadToEndAsync());
        Assert.Equal($"bytes 2-9/{body.Length}", part.ContentRange);
        Assert.Equal((long)body.Length, head.ContentLength);
        Assert.Equal(md5, head.ETag);
        Assert.Equal("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", head.Metadata["traceparent"]);
        Assert.InRange(head.LastModified!.Value.ToUniversalTime(), DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Copy_keeps_or_replaces_metadata_and_delete_removes_objects()
    {
        using var s3 = server.CreateS3Client();
        var bucket = LocalCloudServer.NewBucketName("copy");
        await s3.PutBucketAsync(bucket);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "src/a b.txt", ContentBody = "copied", ContentType = "text/plain", Metadata = { ["origin"] = "src" } });

        await s3.CopyObjectAsync(new CopyObjectRequest { SourceBucket = bucket, SourceKey = "src/a b.txt", DestinationBucket = bucket, DestinationKey = "dst/kept.txt" });
        await s3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = bucket,
            SourceKey = "src/a b.txt",
            DestinationBucket = bucket,
            DestinationKey = "dst/replaced.txt",
            MetadataDirective = Amazon.S3.S3MetadataDirective.REPLACE,
            ContentType = "application/octet-stream",
            Metadata = { ["origin"] = "replaced" },
        });
        var kept = await s3.GetObjectMetadataAsync(bucket, "dst/kept.txt");
        var replaced = await s3.GetObjectMetadataAsync(bucket, "dst/replaced.txt");
        using var copy = await s3.GetObjectAsync(bucket, "dst/kept.txt");

        Assert.Equal("copied", await new StreamReader(copy.ResponseStream).ReadToEndAsync());
        Assert.Equal(("text/plain", "src"), (kept.Headers.ContentType, kept.Metadata["origin"]));
        Assert.Equal(("application/octet-stream", "replaced"), (replaced.Headers.ContentType, replaced.Metadata["origin"]));

        await s3.DeleteObjectAsync(bucket, "dst/kept.txt");
        await s3.DeleteObjectAsync(bucket, "never-existed");
        var multi = await s3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = bucket, Objects = [new KeyVersion { Key = "src/a b.txt" }, new KeyVersion { Key = "dst/replaced.txt" }] });
        var left = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });

        Assert.Equal(["dst/replaced.txt", "src/a b.txt"], multi.DeletedObjects.Select(d => d.Key).Order(StringComparer.Ordinal));
        Assert.Empty(left.S3Objects ?? []);
        var missing = await Assert.ThrowsAnyAsync<Amazon.S3.AmazonS3Exception>(() => s3.GetObjectAsync(bucket, "dst/kept.txt"));
        Assert.Equal(("NoSuchKey", HttpStatusCode.NotFound), (missing.ErrorCode, missing.StatusCode));
        await s3.DeleteBucketAsync(bucket);
        Assert.DoesNotContain(bucket, (await s3.ListBucketsAsync()).Buckets?.Select(b => b.BucketName) ?? []);
    }
}
