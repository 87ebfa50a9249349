using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.IntegrationTests.LocalCloud.Cli;
using Pipeline.LocalCloud.Sqs;

namespace Pipeline.IntegrationTests.LocalCloud.S3;

/// <summary>AWSSDK.S3's PutBucketNotificationAsync with queue configurations, as the app host calls it, is accepted and read back.</summary>
public sealed class NotificationSdkTests(LocalCloudFixture cloud) : IClassFixture<LocalCloudFixture>
{
    [Fact]
    public async Task The_app_hosts_queue_configurations_are_accepted_and_read_back()
    {
        var queues = cloud.App.Services.GetRequiredService<ISqsQueues>();
        ((SqsQueueStore)queues).Create("crawler-trigger", null);
        var queueArn = queues.GetQueueArn("crawler-trigger");
        using var s3 = new AmazonS3Client(
            new BasicAWSCredentials("test", "test"),
            new AmazonS3Config { ServiceURL = cloud.EndpointUrl, ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        await s3.PutBucketAsync("sdk-lake");

        await s3.PutBucketNotificationAsync(new PutBucketNotificationRequest
        {
            BucketName = "sdk-lake",
            QueueConfigurations =
            [
                .. new[] { "clickstream", "vehicle_telemetry" }.Select(dataset => new QueueConfiguration
                {
                    Id = $"raw-{dataset}",
                    Queue = queueArn,
                    Events = [EventType.ObjectCreatedAll],
                    Filter = new Filter { S3KeyFilter = new S3KeyFilter { FilterRules = [new FilterRule("prefix", $"raw/{dataset}/")] } },
                }),
            ],
        });
        var read = await s3.GetBucketNotificationAsync("sdk-lake");
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "sdk-lake", Key = "raw/vehicle_telemetry/year=2026/a.json", ContentBody = "{}" });
        var messages = await queues.ReceiveAsync("crawler-trigger", 10, null, TimeSpan.FromSeconds(1));

        Assert.Equal(["raw-clickstream", "raw-vehicle_telemetry"], read.QueueConfigurations.Select(q => q.Id).Order(StringComparer.Ordinal));
        Assert.All(read.QueueConfigurations, q => Assert.Equal(queueArn, q.Queue));
        Assert.Equal("raw/vehicle_telemetry/", read.QueueConfigurations.Single(q => q.Id == "raw-vehicle_telemetry").Filter.S3KeyFilter.FilterRules.Single().Value);
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.Body.Contains("s3:TestEvent", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Body.Contains("\"key\":\"raw/vehicle_telemetry/year%3D2026/a.json\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Overlapping_prefixes_are_refused_with_invalid_argument()
    {
        var queues = cloud.App.Services.GetRequiredService<ISqsQueues>();
        ((SqsQueueStore)queues).Create("overlap", null);
        using var s3 = new AmazonS3Client(
            new BasicAWSCredentials("test", "test"),
            new AmazonS3Config { ServiceURL = cloud.EndpointUrl, ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        await s3.PutBucketAsync("sdk-overlap");
        QueueConfiguration Configuration(string id, string prefix) => new()
        {
            Id = id,
            Queue = queues.GetQueueArn("overlap"),
            Events = [EventType.ObjectCreatedPut],
            Filter = new Filter { S3KeyFilter = new S3KeyFilter { FilterRules = [new FilterRule("prefix", prefix)] } },
        };

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.PutBucketNotificationAsync(new PutBucketNotificationRequest
        {
            BucketName = "sdk-overlap",
            QueueConfigurations = [Configuration("a", "raw/"), Configuration("b", "raw/clickstream/")],
        }));

        Assert.Equal("InvalidArgument", error.ErrorCode);
    }
}
