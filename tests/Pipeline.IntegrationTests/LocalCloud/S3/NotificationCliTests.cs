using System.Net;
using System.Text.Json;
using Pipeline.IntegrationTests.LocalCloud.Cli;

namespace Pipeline.IntegrationTests.LocalCloud.S3;

/// <summary>
/// S3 event notifications driven by the AWS CLI: a queue configuration is checked and answered with a test event, and
/// an upload's record reaches the queue with the key form-encoded as S3 writes it.
/// </summary>
public sealed class NotificationCliTests(LocalCloudFixture cloud) : IClassFixture<LocalCloudFixture>
{
    private readonly AwsCli _cli = cloud.Cli;

    [AwsCliFact]
    public async Task An_upload_sends_its_record_with_the_key_encoded_as_s3_does()
    {
        var (bucket, queueUrl, queueArn) = await BucketAndQueueAsync("upload");
        var configuration = _cli.File(
            "upload-notification.json",
            """{"QueueConfigurations":[{"Id":"raw-objects","QueueArn":"ARN","Events":["s3:ObjectCreated:*"],"Filter":{"Key":{"FilterRules":[{"Name":"prefix","Value":"raw/"}]}}}]}"""
                .Replace("ARN", queueArn, StringComparison.Ordinal));
        Ok(await _cli.RunAsync("s3api", "put-bucket-notification-configuration", "--bucket", bucket, "--notification-configuration", configuration));
        var test = await ReceiveOneAsync(queueUrl);
        var fetched = Ok(await _cli.RunAsync("s3api", "get-bucket-notification-configuration", "--bucket", bucket)).Json;

        var key = "raw/clickstream/year=2026/month=12/my file é=1.json";
        var local = Path.Combine(cloud.WorkDirectory, "upload.json");
        await File.WriteAllTextAsync(local, "{\"a\":1}\n");
        Ok(await _cli.RunAsync("s3", "cp", local, $"s3://{bucket}/{key}"));
        Ok(await _cli.RunAsync("s3", "cp", local, $"s3://{bucket}/elsewhere/x.json"));
        using var created = JsonDocument.Parse(await ReceiveOneAsync(queueUrl));

        Assert.Equal("s3:TestEvent", JsonDocument.Parse(test).RootElement.GetProperty("Event").GetString());
        var saved = Assert.Single(fetched.GetProperty("QueueConfigurations").EnumerateArray());
        Assert.Equal(("raw-objects", queueArn), (saved.GetProperty("Id").GetString(), saved.GetProperty("QueueArn").GetString()));
        var record = Assert.Single(created.RootElement.GetProperty("Records").EnumerateArray());
        var encoded = record.GetProperty("s3").GetProperty("object").GetProperty("key").GetString()!;
        Assert.Equal("ObjectCreated:Put", record.GetProperty("eventName").GetString());
        Assert.Equal("raw/clickstream/year%3D2026/month%3D12/my+file+%C3%A9%3D1.json", encoded);
        Assert.Equal(key, WebUtility.UrlDecode(encoded));
        Assert.Equal(8, record.GetProperty("s3").GetProperty("object").GetProperty("size").GetInt64());

        // The object outside the prefix sent nothing.
        var rest = Ok(await _cli.RunAsync("sqs", "receive-message", "--queue-url", queueUrl, "--wait-time-seconds", "1"));
        Assert.True(rest.Stdout.Trim().Length == 0 || !rest.Json.TryGetProperty("Messages", out var more) || more.GetArrayLength() == 0, rest.Stdout);
    }

    [AwsCliFact]
    public async Task A_deletion_sends_an_object_removed_record()
    {
        var (bucket, queueUrl, queueArn) = await BucketAndQueueAsync("removal");
        Ok(await _cli.RunAsync("s3api", "put-bucket-notification-configuration", "--bucket", bucket, "--notification-configuration", _cli.File("removal.json", $$"""{"QueueConfigurations":[{"QueueArn":"{{queueArn}}","Events":["s3:ObjectRemoved:*"]}]}""")));
        await ReceiveOneAsync(queueUrl);
        var local = Path.Combine(cloud.WorkDirectory, "removal.txt");
        await File.WriteAllTextAsync(local, "x");
        Ok(await _cli.RunAsync("s3", "cp", local, $"s3://{bucket}/a b.txt"));

        Ok(await _cli.RunAsync("s3", "rm", $"s3://{bucket}/a b.txt"));
        using var removed = JsonDocument.Parse(await ReceiveOneAsync(queueUrl));

        var record = removed.RootElement.GetProperty("Records")[0];
        Assert.Equal("ObjectRemoved:Delete", record.GetProperty("eventName").GetString());
        Assert.Equal("a+b.txt", record.GetProperty("s3").GetProperty("object").GetProperty("key").GetString());
    }

    [AwsCliFact]
    public async Task A_queue_that_does_not_exist_cannot_be_a_destination()
    {
        var (bucket, _, _) = await BucketAndQueueAsync("missing");
        var configuration = _cli.File("missing.json", """{"QueueConfigurations":[{"QueueArn":"arn:aws:sqs:us-east-1:000000000000:no-such-queue","Events":["s3:ObjectCreated:*"]}]}""");

        var result = await _cli.RunAsync("s3api", "put-bucket-notification-configuration", "--bucket", bucket, "--notification-configuration", configuration);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("InvalidArgument", result.ErrorCode);
        Assert.Contains("Unable to validate the following destination configurations", result.Stderr, StringComparison.Ordinal);
    }

    [AwsCliFact]
    public async Task A_topic_destination_is_not_implemented()
    {
        var (bucket, _, _) = await BucketAndQueueAsync("topic");
        var configuration = _cli.File("topic.json", """{"TopicConfigurations":[{"TopicArn":"arn:aws:sns:us-east-1:000000000000:t","Events":["s3:ObjectCreated:*"]}]}""");

        var result = await _cli.RunAsync("s3api", "put-bucket-notification-configuration", "--bucket", bucket, "--notification-configuration", configuration);

        Assert.Equal("NotImplemented", result.ErrorCode);
        Assert.Contains("SQS", result.Stderr, StringComparison.Ordinal);
    }

    private async Task<(string Bucket, string QueueUrl, string QueueArn)> BucketAndQueueAsync(string name)
    {
        var bucket = $"notify-{name}";
        Ok(await _cli.RunAsync("s3api", "create-bucket", "--bucket", bucket));
        var queueUrl = Ok(await _cli.RunAsync("sqs", "create-queue", "--queue-name", $"notify-{name}")).Json.GetProperty("QueueUrl").GetString()!;
        var arn = Ok(await _cli.RunAsync("sqs", "get-queue-attributes", "--queue-url", queueUrl, "--attribute-names", "QueueArn")).Json.GetProperty("Attributes").GetProperty("QueueArn").GetString()!;
        return (bucket, queueUrl, arn);
    }

    /// <summary>Receives and deletes exactly one message; its body.</summary>
    private async Task<string> ReceiveOneAsync(string queueUrl)
    {
        var received = Ok(await _cli.RunAsync("sqs", "receive-message", "--queue-url", queueUrl, "--wait-time-seconds", "5", "--max-number-of-messages", "10")).Json;
        var message = Assert.Single(received.GetProperty("Messages").EnumerateArray());
        Ok(await _cli.RunAsync("sqs", "delete-message", "--queue-url", queueUrl, "--receipt-handle", message.GetProperty("ReceiptHandle").GetString()!));
        return message.GetProperty("Body").GetString()!;
    }

    private static CliResult Ok(CliResult result)
    {
        Assert.True(result.ExitCode == 0, $"aws failed ({result.ExitCode}): {result.Stderr}");
        return result;
    }
}
