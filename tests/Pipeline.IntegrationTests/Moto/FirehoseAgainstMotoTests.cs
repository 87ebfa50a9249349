using System.Net;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Pipeline.AwsShapes.Firehose;
using Pipeline.Aws;
using Pipeline.Aws.Firehose;
using Xunit;

namespace Pipeline.IntegrationTests.Moto;

/// <summary>FirehoseClient against moto's Firehose: streams it creates work, records go in, errors come back typed.</summary>
[Collection(MotoCollection.Name)]
public sealed class FirehoseAgainstMotoTests(MotoServerFixture moto)
{
    [MotoFact]
    public async Task PutRecordBatch_and_PutRecord_succeed_on_a_stream_created_through_the_client()
    {
        var (firehose, s3, stream, bucket) = await CreateStreamAsync();
        using var _ = s3;

        var batch = await firehose.PutRecordBatchAsync(stream, [Bytes("{\"n\":1}\n"), Bytes("{\"n\":2}\n"), Bytes("{\"n\":3}\n")]);
        var single = await firehose.PutRecordAsync(stream, Bytes("{\"n\":4}\n"));

        Assert.Equal(0, batch.FailedPutCount);
        Assert.Equal(3, batch.RequestResponses!.Count);
        Assert.All(batch.RequestResponses, r => Assert.False(string.IsNullOrEmpty(r.RecordId)));
        Assert.False(string.IsNullOrEmpty(single.RecordId));

        // moto delivers at once (no buffering): the base64 round trip is proven by the bytes landing in S3.
        var objects = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "raw/" });
        var delivered = new StringBuilder();
        foreach (var entry in objects.S3Objects)
        {
            using var get = await s3.GetObjectAsync(bucket, entry.Key);
            using var reader = new StreamReader(get.ResponseStream);
            delivered.Append(await reader.ReadToEndAsync());
        }

        Assert.Equal(["{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}"], delivered.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
    }

    [MotoFact]
    public async Task DescribeDeliveryStream_returns_what_was_created()
    {
        var (firehose, s3, stream, bucket) = await CreateStreamAsync();
        using var _ = s3;

        var description = await firehose.DescribeDeliveryStreamAsync(stream);

        Assert.Equal((stream, "ACTIVE", "DirectPut"), (description.DeliveryStreamName, description.DeliveryStreamStatus, description.DeliveryStreamType));
        Assert.EndsWith(":deliverystream/" + stream, description.DeliveryStreamARN, StringComparison.Ordinal);
        Assert.InRange(description.CreateTimestamp!.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
        var destination = Assert.Single(description.Destinations!).ExtendedS3DestinationDescription!;
        Assert.Equal("arn:aws:s3:::" + bucket, destination.BucketARN);
        Assert.Equal("arn:aws:iam::123456789012:role/firehose", destination.RoleARN);
        Assert.Equal("raw/", destination.Prefix);
        Assert.Equal("errors/", destination.ErrorOutputPrefix);
        Assert.Equal(new BufferingHints { SizeInMBs = 1, IntervalInSeconds = 60 }, destination.BufferingHints);
        Assert.Equal("GZIP", destination.CompressionFormat);
        Assert.True(destination.DynamicPartitioningConfiguration?.Enabled);
    }

    [MotoFact]
    public async Task PutRecordBatch_to_a_missing_stream_is_ResourceNotFoundException()
    {
        var firehose = moto.Clients.CreateFirehose();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => firehose.PutRecordBatchAsync("no-such-stream-" + Guid.NewGuid().ToString("N")[..8], [Bytes("x")]));

        Assert.Equal(AwsErrorCodes.ResourceNotFound, error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.HttpStatusCode);
        Assert.Contains("not found", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    [MotoFact]
    public async Task ListDeliveryStreams_shows_a_stream_until_it_is_deleted()
    {
        var (firehose, s3, stream, _) = await CreateStreamAsync();
        using var __ = s3;

        Assert.Contains(stream, (await firehose.ListDeliveryStreamsAsync(limit: 100)).DeliveryStreamNames!);
        await firehose.DeleteDeliveryStreamAsync(stream);

        Assert.DoesNotContain(stream, (await firehose.ListDeliveryStreamsAsync(limit: 100)).DeliveryStreamNames!);
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => firehose.DescribeDeliveryStreamAsync(stream));
        Assert.Equal(AwsErrorCodes.ResourceNotFound, error.ErrorCode);
    }

    private async Task<(FirehoseClient Firehose, IAmazonS3 S3, string Stream, string Bucket)> CreateStreamAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var bucket = "pipeline-test-" + suffix;
        var stream = "pipeline-test-clickstream-" + suffix;
        var clients = moto.Clients;
        var s3 = clients.CreateS3();
        // moto delivers straight into S3 and fails the put when the bucket is missing.
        await s3.PutBucketAsync(bucket);

        var firehose = clients.CreateFirehose();
        var created = await firehose.CreateDeliveryStreamAsync(new CreateDeliveryStreamInput
        {
            DeliveryStreamName = stream,
            ExtendedS3DestinationConfiguration = new ExtendedS3DestinationConfiguration
            {
                BucketARN = "arn:aws:s3:::" + bucket,
                RoleARN = "arn:aws:iam::123456789012:role/firehose",
                Prefix = "raw/",
                ErrorOutputPrefix = "errors/",
                BufferingHints = new BufferingHints { SizeInMBs = 1, IntervalInSeconds = 60 },
                CompressionFormat = "GZIP",
                DynamicPartitioningConfiguration = new DynamicPartitioningConfiguration { Enabled = true },
            },
        });
        Assert.EndsWith(":deliverystream/" + stream, created.DeliveryStreamARN, StringComparison.Ordinal);
        return (firehose, s3, stream, bucket);
    }

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
