using Amazon.S3.Model;
using Pipeline.IntegrationTests.LocalCloud.S3.Support;

namespace Pipeline.IntegrationTests.LocalCloud.S3;

/// <summary>ListObjectsV2 through AWSSDK.S3: delimiters give common prefixes, and paging by continuation token is complete.</summary>
public sealed class AwsSdkListingTests(LocalCloudServer server) : IClassFixture<LocalCloudServer>
{
    [Fact]
    public async Task Delimited_pages_of_two_add_up_to_the_whole_listing()
    {
        using var s3 = server.CreateS3Client();
        var bucket = LocalCloudServer.NewBucketName("list");
        await s3.PutBucketAsync(bucket);
        string[] keys =
        [
            "raw/clickstream/day=01/a.json", "raw/clickstream/day=01/b.json", "raw/clickstream/day=02/a.json",
            "raw/vehicle_telemetry/day=01/a.json", "raw/readme.txt", "raw/zz.txt", "stage/x.parquet", "top.txt",
        ];
        foreach (var key in keys)
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = key });
        }

        var contents = new List<string>();
        var prefixes = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = "raw/", Delimiter = "/", MaxKeys = 2 };
        var pages = 0;
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request);
            pages++;
            contents.AddRange(page.S3Objects?.Select(o => o.Key) ?? []);
            prefixes.AddRange(page.CommonPrefixes ?? []);
            Assert.True(page.KeyCount <= 2);
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);

        var everything = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        var afterStage = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, StartAfter = "stage/" });

        Assert.Equal(["raw/readme.txt", "raw/zz.txt"], contents);
        Assert.Equal(["raw/clickstream/", "raw/vehicle_telemetry/"], prefixes);
        Assert.Equal(2, pages);
        Assert.Equal(keys.Order(StringComparer.Ordinal), everything.S3Objects.Select(o => o.Key));
        Assert.Equal(["stage/x.parquet", "top.txt"], afterStage.S3Objects.Select(o => o.Key));
    }
}
