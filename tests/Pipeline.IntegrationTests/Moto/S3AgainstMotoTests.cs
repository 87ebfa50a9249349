using Amazon.S3.Model;
using Xunit;

namespace Pipeline.IntegrationTests.Moto;

/// <summary>The factory's AWSSDK.S3 client reaches a custom endpoint path-style and round-trips objects.</summary>
[Collection(MotoCollection.Name)]
public sealed class S3AgainstMotoTests(MotoServerFixture moto)
{
    [MotoFact]
    public async Task Put_list_and_get_round_trip()
    {
        using var s3 = moto.Clients.CreateS3();
        var bucket = "pipeline-s3-" + Guid.NewGuid().ToString("N")[..8];
        const string key = "raw/clickstream/year=2025/month=01/day=02/hour=03/part 1.json";

        await s3.PutBucketAsync(bucket);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = "{\"event_id\":\"e1\"}\n" });
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "raw/" });
        using var get = await s3.GetObjectAsync(bucket, key);
        using var reader = new StreamReader(get.ResponseStream);

        Assert.Equal(key, Assert.Single(listed.S3Objects).Key);
        Assert.Equal("{\"event_id\":\"e1\"}\n", await reader.ReadToEndAsync());
    }
}
