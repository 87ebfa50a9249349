using System.Text.Json;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Pipeline.Aws;
using Pipeline.IntegrationTests.LocalCloud.S3.Support;
using Xunit;

namespace Pipeline.IntegrationTests.LocalCloud.Sqs;

/// <summary>
/// AWSSDK.SQS, made by the factory as the app host makes it, against LocalCloud: the raw-objects queue with its
/// dead-letter queue, and the long-polling receive loop of the notification console.
/// </summary>
public sealed class AwsSdkSqsTests(LocalCloudServer server) : IClassFixture<LocalCloudServer>
{
    private AwsClientFactory Clients => new(new AwsClientOptions
    {
        Endpoint = server.Endpoint,
        Region = "us-east-1",
        Credentials = new BasicAWSCredentials("test", "test"),
        GetEnvironmentVariable = _ => null,
    });

    [Fact]
    public async Task A_queue_with_a_redrive_policy_is_created_idempotently_and_described()
    {
        using var sqs = Clients.CreateSqs();
        var deadLetterUrl = (await sqs.CreateQueueAsync("sdk-raw-objects-dlq")).QueueUrl;
        var deadLetterArn = (await sqs.GetQueueAttributesAsync(deadLetterUrl, [QueueAttributeName.QueueArn])).QueueARN;
        var attributes = new Dictionary<string, string>
        {
            [QueueAttributeName.VisibilityTimeout] = "360",
            [QueueAttributeName.RedrivePolicy] = $$"""{"deadLetterTargetArn":"{{deadLetterArn}}","maxReceiveCount":"5"}""",
        };

        var first = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "sdk-raw-objects", Attributes = attributes })).QueueUrl;
        var again = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "sdk-raw-objects", Attributes = attributes })).QueueUrl;
        var described = await sqs.GetQueueAttributesAsync(first, [QueueAttributeName.All]);

        Assert.Equal(first, again);
        Assert.Equal("arn:aws:sqs:us-east-1:000000000000:sdk-raw-objects-dlq", deadLetterArn);
        Assert.EndsWith(":sdk-raw-objects", described.QueueARN, StringComparison.Ordinal);
        Assert.Equal(360, described.VisibilityTimeout);
        using var redrive = JsonDocument.Parse(described.Attributes[QueueAttributeName.RedrivePolicy]);
        Assert.Equal(deadLetterArn, redrive.RootElement.GetProperty("deadLetterTargetArn").GetString());
    }

    [Fact]
    public async Task A_long_poll_receives_what_was_sent_and_a_deleted_message_is_gone()
    {
        using var sqs = Clients.CreateSqs();
        var url = (await sqs.CreateQueueAsync("sdk-notifications")).QueueUrl;

        var receiving = sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10, WaitTimeSeconds = 10 });
        await sqs.SendMessageAsync(url, """{"Subject":"job","Message":"done"}""");
        var message = Assert.Single((await receiving).Messages);
        await sqs.DeleteMessageAsync(url, message.ReceiptHandle);
        var left = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, VisibilityTimeout = 0 });

        Assert.Equal("""{"Subject":"job","Message":"done"}""", message.Body);
        Assert.Empty(left.Messages ?? []);
    }

    [Fact]
    public async Task An_unknown_queue_is_the_sdks_QueueDoesNotExistException()
    {
        using var sqs = Clients.CreateSqs();

        var error = await Assert.ThrowsAsync<QueueDoesNotExistException>(() => sqs.GetQueueUrlAsync("sdk-no-such-queue"));

        // SQS is query-compatible: the SDK reports the Query-era code from x-amzn-query-error, not the JSON __type.
        Assert.Equal("AWS.SimpleQueueService.NonExistentQueue", error.ErrorCode);
    }
}
