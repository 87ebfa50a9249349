using Pipeline.IntegrationTests.LocalCloud.Cli;
namespace Pipeline.IntegrationTests.LocalCloud.Sqs;

/// <summary>The AWS CLI against LocalCloud's SQS: a message goes in, comes out once with its attributes, and is deleted.</summary>
public sealed class SqsCliRoundTripTests : IClassFixture<LocalCloudFixture>
{
    private readonly LocalCloudFixture _cloud;

    public SqsCliRoundTripTests(LocalCloudFixture cloud) => _cloud = cloud;

    [AwsCliFact]
    public async Task Send_receive_delete_round_trip()
    {
        var cli = _cloud.Cli;
        var created = await cli.RunAsync("sqs", "create-queue", "--queue-name", "round-trip", "--attributes", "VisibilityTimeout=60");
        Assert.True(created.ExitCode == 0, created.Stderr);
        var url = created.Json.GetProperty("QueueUrl").GetString()!;
        Assert.Equal($"{_cloud.EndpointUrl}/000000000000/round-trip", url);

        var sent = await cli.RunAsync("sqs", "send-message", "--queue-url", url, "--message-body", "héllo", "--message-attributes", """{"kind":{"DataType":"String","StringValue":"greeting"}}""");
        Assert.True(sent.ExitCode == 0, sent.Stderr);

        var received = await cli.RunAsync("sqs", "receive-message", "--queue-url", url, "--attribute-names", "All", "--message-attribute-names", "All", "--wait-time-seconds", "1");
        Assert.True(received.ExitCode == 0, received.Stderr);
        var message = received.Json.GetProperty("Messages")[0];
        Assert.Equal("héllo", message.GetProperty("Body").GetString());
        Assert.Equal(sent.Json.GetProperty("MessageId").GetString(), message.GetProperty("MessageId").GetString());
        Assert.Equal("1", message.GetProperty("Attributes").GetProperty("ApproximateReceiveCount").GetString());
        Assert.True(message.GetProperty("Attributes").TryGetProperty("SentTimestamp", out _));
        Assert.Equal("greeting", message.GetProperty("MessageAttributes").GetProperty("kind").GetProperty("StringValue").GetString());

        var counts = await cli.RunAsync("sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "All");
        Assert.Equal("1", counts.Json.GetProperty("Attributes").GetProperty("ApproximateNumberOfMessagesNotVisible").GetString());
        Assert.Equal("arn:aws:sqs:us-east-1:000000000000:round-trip", counts.Json.GetProperty("Attributes").GetProperty("QueueArn").GetString());

        var deleted = await cli.RunAsync("sqs", "delete-message", "--queue-url", url, "--receipt-handle", message.GetProperty("ReceiptHandle").GetString()!);
        Assert.True(deleted.ExitCode == 0, deleted.Stderr);

        var empty = await cli.RunAsync("sqs", "receive-message", "--queue-url", url, "--visibility-timeout", "0");
        Assert.True(empty.ExitCode == 0, empty.Stderr);
        Assert.False(empty.Stdout.Trim().Length > 0 && empty.Json.TryGetProperty("Messages", out var left) && left.GetArrayLength() > 0);
    }

    [AwsCliFact]
    public async Task A_missing_queue_is_reported_with_its_query_code()
    {
        var result = await _cloud.Cli.RunAsync("sqs", "get-queue-url", "--queue-name", "no-such-queue");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("AWS.SimpleQueueService.NonExistentQueue", result.ErrorCode);
    }

    [AwsCliFact]
    public async Task An_invalid_receipt_handle_is_ReceiptHandleIsInvalid()
    {
        var created = await _cloud.Cli.RunAsync("sqs", "create-queue", "--queue-name", "handles");
        var url = created.Json.GetProperty("QueueUrl").GetString()!;

        var result = await _cloud.Cli.RunAsync("sqs", "delete-message", "--queue-url", url, "--receipt-handle", "garbage!");

        Assert.Equal("ReceiptHandleIsInvalid", result.ErrorCode);
    }
}
