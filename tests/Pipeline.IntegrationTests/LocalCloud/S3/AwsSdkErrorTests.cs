using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Pipeline.IntegrationTests.LocalCloud.S3.Support;

namespace Pipeline.IntegrationTests.LocalCloud.S3;

/// <summary>Mistakes come back as the exceptions AWSSDK.S3 raises against AWS: S3's codes and statuses.</summary>
public sealed class AwsSdkErrorTests(LocalCloudServer server) : IClassFixture<LocalCloudServer>
{
    [Fact]
    public async Task Bucket_mistakes_have_S3s_codes()
    {
        using var s3 = server.CreateS3Client();
        var bucket = LocalCloudServer.NewBucketName("errors");
        await s3.PutBucketAsync(bucket);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k", ContentBody = "v" });

        await AssertError("BucketAlreadyOwnedByYou", HttpStatusCode.Conflict, () => s3.PutBucketAsync(bucket));
        await AssertError("InvalidBucketName", HttpStatusCode.BadRequest, () => s3.PutBucketAsync("Not_A_Valid_Bucket"));
        await AssertError("BucketNotEmpty", HttpStatusCode.Conflict, () => s3.DeleteBucketAsync(bucket));
        await AssertError("NoSuchBucket", HttpStatusCode.NotFound, () => s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "no-such-bucket-here" }));
        await AssertError("NoSuchBucket", HttpStatusCode.NotFound, () => s3.PutObjectAsync(new PutObjectRequest { BucketName = "no-such-bucket-here", Key = "k", ContentBody = "v" }));
    }

    [Fact]
    public async Task Object_mistakes_have_S3s_codes_and_HEAD_errors_have_no_body()
    {
        using var s3 = server.CreateS3Client();
        var bucket = LocalCloudServer.NewBucketName("errors");
        await s3.PutBucketAsync(bucket);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "ten", ContentBody = "0123456789" });

        await AssertError("NoSuchKey", HttpStatusCode.NotFound, () => s3.GetObjectAsync(bucket, "missing"));
        await AssertError("InvalidRange", HttpStatusCode.RequestedRangeNotSatisfiable, () => s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "ten", ByteRange = new ByteRange(20, 30) }));
        await AssertError("KeyTooLongError", HttpStatusCode.BadRequest, () => s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = new string('k', 1025), ContentBody = "v" }));
        await AssertError("BadDigest", HttpStatusCode.BadRequest, () => s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "md5", ContentBody = "v", MD5Digest = Convert.ToBase64String(new byte[16]) }));
        await AssertError("NotImplemented", HttpStatusCode.NotImplemented, () => s3.GetObjectTaggingAsync(new GetObjectTaggingRequest { BucketName = bucket, Key = "ten" }));
        await AssertError("NotImplemented", HttpStatusCode.NotImplemented, () => s3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = bucket }));
        var head = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetObjectMetadataAsync(bucket, "missing"));
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);

        using var http = new HttpClient();
        using var headResponse = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(server.Endpoint, $"/{bucket}/missing")));
        Assert.Equal(HttpStatusCode.NotFound, headResponse.StatusCode);
        Assert.Empty(await headResponse.Content.ReadAsByteArrayAsync());
        Assert.True(headResponse.Headers.Contains("x-amz-request-id"));
        // S3 checks the bucket before the sub-resource: a missing bucket is NoSuchBucket even for what is not served.
        await AssertError("NoSuchBucket", HttpStatusCode.NotFound, () => s3.GetBucketAclAsync(new GetBucketAclRequest { BucketName = "no-such-bucket-here" }));
        await AssertError("NotImplemented", HttpStatusCode.NotImplemented, () => s3.GetBucketAclAsync(new GetBucketAclRequest { BucketName = bucket }));
        Assert.Null(await GetObjectOrNull(s3, bucket, "md5"));
    }

    private static async Task<GetObjectResponse?> GetObjectOrNull(AmazonS3Client s3, string bucket, string key)
    {
        try
        {
            return await s3.GetObjectAsync(bucket, key);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static async Task AssertError(string code, HttpStatusCode status, Func<Task> call)
    {
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(call);
        Assert.Equal((code, status), (error.ErrorCode, error.StatusCode));
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }
}
