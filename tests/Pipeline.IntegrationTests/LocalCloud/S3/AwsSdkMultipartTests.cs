using System.Security.Cryptography;
using Amazon.S3.Transfer;
using Pipeline.IntegrationTests.LocalCloud.S3.Support;

namespace Pipeline.IntegrationTests.LocalCloud.S3;

/// <summary>AWSSDK.S3's TransferUtility uploads a large file in parts; the object reads back whole with S3's multipart ETag.</summary>
public sealed class AwsSdkMultipartTests(LocalCloudServer server) : IClassFixture<LocalCloudServer>
{
    [Fact]
    public async Task A_three_part_upload_reads_back_byte_for_byte()
    {
        using var s3 = server.CreateS3Client();
        var bucket = LocalCloudServer.NewBucketName("mpu");
        await s3.PutBucketAsync(bucket);
        var data = RandomNumberGenerator.GetBytes((12 * 1024 * 1024) + 123);
        using var transfer = new TransferUtility(s3, new TransferUtilityConfig { MinSizeBeforePartUpload = 5 * 1024 * 1024 });

        await transfer.UploadAsync(new TransferUtilityUploadRequest
        {
            BucketName = bucket,
            Key = "big/file.bin",
            InputStream = new MemoryStream(data),
            PartSize = 5 * 1024 * 1024,
        });
        using var get = await s3.GetObjectAsync(bucket, "big/file.bin");
        using var read = new MemoryStream();
        await get.ResponseStream.CopyToAsync(read);

        Assert.Equal(data, read.ToArray());
        Assert.EndsWith("-3\"", get.ETag, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(server.DataDirectory, "s3", "uploads")));
    }
}
