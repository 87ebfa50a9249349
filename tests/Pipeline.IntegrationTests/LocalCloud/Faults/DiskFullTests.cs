using System.Globalization;
using System.Net;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.AspNetCore.Builder;
using Pipeline.AwsShapes.Firehose;
using Pipeline.Aws;
using Pipeline.Aws.Firehose;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.IntegrationTests.LocalCloud.Faults;

/// <summary>
/// LocalCloud's data directory on a small tmpfs that the test fills: PutRecordBatch answers Firehose's
/// ServiceUnavailableException (503) and stores none of the batch, S3 PutObject answers SlowDown (503); records
/// acknowledged before are not lost, and once the space is freed new records are accepted and everything
/// acknowledged is delivered, each record once.
/// </summary>
public sealed class DiskFullTests
{
    private const string Bucket = "full-disk";
    private const string Stream = "full-disk-stream";
    private const int BatchSize = 100;

    [SmallDiskFact]
    public async Task A_full_disk_refuses_writes_with_AWS_503s_loses_nothing_acknowledged_and_the_flow_resumes_when_space_returns()
    {
        using var disk = SmallDisk.Mount(16);
        var port = FreePort();
        var app = LocalCloudApp.Build(["--port", port.ToString(CultureInfo.InvariantCulture), "--data-dir", Path.Combine(disk.Path, "data"), "--Logging:LogLevel:Default", "Warning"]);
        await app.StartAsync();
        try
        {
            var endpoint = new Uri($"http://127.0.0.1:{port}");
            using var s3 = new AmazonS3Client(
                new BasicAWSCredentials("test", "test"),
                new AmazonS3Config { ServiceURL = endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
            var firehose = new FirehoseClient(new AwsClientOptions { Endpoint = endpoint, Region = "us-east-1", Credentials = new BasicAWSCredentials("test", "test"), MaxAttempts = 1 });
            await s3.PutBucketAsync(Bucket);
            await firehose.CreateDeliveryStreamAsync(new CreateDeliveryStreamInput
            {
                DeliveryStreamName = Stream,
                ExtendedS3DestinationConfiguration = new ExtendedS3DestinationConfiguration
                {
                    BucketARN = $"arn:aws:s3:::{Bucket}",
                    RoleARN = "arn:aws:iam::000000000000:role/firehose",
                    Prefix = "raw/",
                    BufferingHints = new BufferingHints { SizeInMBs = 1, IntervalInSeconds = 2 },
                },
            });

            var before = await firehose.PutRecordBatchAsync(Stream, Records("before", BatchSize));
            Assert.Equal(0, before.FailedPutCount);

            disk.Fill();
            var refused = await Assert.ThrowsAsync<Pipeline.Aws.AwsServiceException>(() => firehose.PutRecordBatchAsync(Stream, Records("refused", BatchSize)));
            var slowDown = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "full/object.bin", InputStream = new MemoryStream(new byte[256 * 1024]) }));

            // Long enough for a delivery of the acknowledged batch to be due, and fail, while the disk is full.
            await Task.Delay(TimeSpan.FromSeconds(4));
            disk.Free();
            var after = await firehose.PutRecordBatchAsync(Stream, Records("after", BatchSize));
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "full/object.bin", InputStream = new MemoryStream(new byte[256 * 1024]) });

            Assert.Equal("ServiceUnavailableException", refused.ErrorCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.HttpStatusCode);
            Assert.Equal("SlowDown", slowDown.ErrorCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, slowDown.StatusCode);
            Assert.Equal(0, after.FailedPutCount);

            var delivered = await DeliveredAsync(s3, 2 * BatchSize, TimeSpan.FromSeconds(60));
            Assert.Equal(2 * BatchSize, delivered.Count);
            Assert.Equal(2 * BatchSize, delivered.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(BatchSize, delivered.Count(r => r.StartsWith("{\"batch\":\"before\"", StringComparison.Ordinal)));
            Assert.Equal(BatchSize, delivered.Count(r => r.StartsWith("{\"batch\":\"after\"", StringComparison.Ordinal)));
            Assert.DoesNotContain(delivered, r => r.StartsWith("{\"batch\":\"refused\"", StringComparison.Ordinal));
        }
        finally
        {
            disk.Free();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    // Big enough that a batch cannot fit in the slack of the journal's last page once the disk is full.
    private static ReadOnlyMemory<byte>[] Records(string batch, int count) =>
        Enumerable.Range(0, count)
            .Select(i => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes($"{{\"batch\":\"{batch}\",\"n\":{i},\"pad\":\"{new string('x', 400)}\"}}\n"))
            .ToArray();

    private static async Task<List<string>> DeliveredAsync(AmazonS3Client s3, int expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var lines = new List<string>();
            var listing = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = "raw/" });
            foreach (var o in listing.S3Objects ?? [])
            {
                using var response = await s3.GetObjectAsync(Bucket, o.Key);
                using var reader = new StreamReader(response.ResponseStream);
                var text = await reader.ReadToEndAsync();
                lines.AddRange(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            }

            if (lines.Count >= expected || DateTime.UtcNow > deadline)
            {
                return lines;
            }

            await Task.Delay(500);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
