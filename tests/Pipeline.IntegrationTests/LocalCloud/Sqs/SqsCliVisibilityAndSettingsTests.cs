using Pipeline.IntegrationTests.LocalCloud.Cli;
namespace Pipeline.IntegrationTests.LocalCloud.Sqs;

/// <summary>
/// The AWS CLI (botocore speaks SQS's JSON protocol) changes visibility singly and in batches, sets queue attributes,
/// purges and deletes queues.
/// </summary>
public sealed class SqsCliVisibilityAndSettingsTests(LocalCloudFixture cloud) : IClassFixture<LocalCloudFixture>
{
    private readonly AwsCli _cli = cloud.Cli;

    [AwsCliFact]
    public async Task Visibility_changes_make_messages_receivable_again()
    {
        var url = Ok(await _cli.RunAsync("sqs", "create-queue", "--queue-name", "cli-visibility", "--attributes", "VisibilityTimeout=300")).Json.GetProperty("QueueUrl").GetString()!;
        Ok(await _cli.RunAsync("sqs", "send-message", "--queue-url", url, "--message-body", "one"));
        Ok(await _cli.RunAsync("sqs", "send-message", "--queue-url", url, "--message-body", "two"));
        var first = Ok(await _cli.RunAsync("sqs", "receive-message", "--queue-url", url, "--max-number-of-messages", "10", "--wait-time-seconds", "1")).Json.GetProperty("Messages");
        Assert.Equal(2, first.GetArrayLength());

        Ok(await _cli.RunAsync("sqs", "change-message-visibility", "--queue-url", url, "--receipt-handle", first[0].GetProperty("ReceiptHandle").GetString()!, "--visibility-timeout", "0"));
        var single = Ok(await _cli.RunAsync("sqs", "receive-message", "--queue-url", url, "--max-number-of-messages", "10")).Json.GetProperty("Messages");
        var batch = Ok(await _cli.RunAsync(
            "sqs", "change-message-visibility-batch", "--queue-url", url, "--entries",
            _cli.File("visibility.json", $$"""[{"Id":"a","ReceiptHandle":"{{single[0].GetProperty("ReceiptHandle").GetString()}}","VisibilityTimeout":0},{"Id":"b","ReceiptHandle":"{{first[1].GetProperty("ReceiptHandle").GetString()}}","VisibilityTimeout":0}]"""))).Json;
        var both = Ok(await _cli.RunAsync("sqs", "receive-message", "--queue-url", url, "--max-number-of-messages", "10")).Json.GetProperty("Messages");

        Assert.Equal(first[0].GetProperty("MessageId").GetString(), Assert.Single(single.EnumerateArray()).GetProperty("MessageId").GetString());
        Assert.Equal(2, batch.GetProperty("Successful").GetArrayLength());
        Assert.Equal(2, both.GetArrayLength());
    }

    [AwsCliFact]
    public async Task Attributes_are_set_and_the_queue_is_purged_then_deleted()
    {
        var url = Ok(await _cli.RunAsync("sqs", "create-queue", "--queue-name", "cli-settings")).Json.GetProperty("QueueUrl").GetString()!;
        Ok(await _cli.RunAsync("sqs", "send-message", "--queue-url", url, "--message-body", "x"));

        Ok(await _cli.RunAsync("sqs", "set-queue-attributes", "--queue-url", url, "--attributes", "VisibilityTimeout=77,DelaySeconds=1"));
        var attributes = Ok(await _cli.RunAsync("sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "All")).Json.GetProperty("Attributes");
        Ok(await _cli.RunAsync("sqs", "purge-queue", "--queue-url", url));
        var purged = Ok(await _cli.RunAsync("sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "ApproximateNumberOfMessages")).Json.GetProperty("Attributes");
        Ok(await _cli.RunAsync("sqs", "delete-queue", "--queue-url", url));
        var gone = await _cli.RunAsync("sqs", "get-queue-url", "--queue-name", "cli-settings");

        Assert.Equal(("77", "1", "1"), (attributes.GetProperty("VisibilityTimeout").GetString(), attributes.GetProperty("DelaySeconds").GetString(), attributes.GetProperty("ApproximateNumberOfMessages").GetString()));
        Assert.Equal("0", purged.GetProperty("ApproximateNumberOfMessages").GetString());
        Assert.Equal("AWS.SimpleQueueService.NonExistentQueue", gone.ErrorCode);
    }

    private static CliResult Ok(CliResult result)
    {
        Assert.True(result.ExitCode == 0, $"aws failed ({result.ExitCode}): {result.Stderr}");
        return result;
    }
}
