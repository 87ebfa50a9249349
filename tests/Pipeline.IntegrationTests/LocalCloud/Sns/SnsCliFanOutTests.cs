using System.Text.Json;
using Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;
using AwsCli = Pipeline.IntegrationTests.LocalCloud.Cli.AwsCli;

namespace Pipeline.IntegrationTests.LocalCloud.Sns;

/// <summary>
/// The AWS CLI subscribes an SQS queue to a topic: a publish reaches the queue as SNS's notification document; a
/// message over 256 KiB and a subject of 100 characters are refused with SNS's error, and nothing is delivered.
/// </summary>
public sealed class SnsCliFanOutTests
{
    [AwsCliFact]
    public async Task A_published_message_reaches_a_subscribed_queue_and_oversized_ones_are_refused()
    {
        await using var cloud = await LocalCloudInstance.StartAsync();
        var work = Directory.CreateTempSubdirectory("localcloud-sns-fanout-").FullName;
        try
        {
            var cli = new AwsCli(cloud.Endpoint.ToString().TrimEnd('/'), work);
            var topic = (await cli.RunAsync("sns", "create-topic", "--name", "job-notifications")).Json.GetProperty("TopicArn").GetString()!;
            var queueUrl = (await cli.RunAsync("sqs", "create-queue", "--queue-name", "console")).Json.GetProperty("QueueUrl").GetString()!;
            var queueArn = (await cli.RunAsync("sqs", "get-queue-attributes", "--queue-url", queueUrl, "--attribute-names", "QueueArn"))
                .Json.GetProperty("Attributes").GetProperty("QueueArn").GetString()!;

            var subscribed = await cli.RunAsync("sns", "subscribe", "--topic-arn", topic, "--protocol", "sqs", "--notification-endpoint", queueArn);
            Assert.True(subscribed.ExitCode == 0, subscribed.Stderr);
            Assert.StartsWith(topic + ":", subscribed.Json.GetProperty("SubscriptionArn").GetString(), StringComparison.Ordinal);

            var tooLong = await cli.RunAsync("sns", "publish", "--topic-arn", topic, "--message", cli.File("big.txt", new string('x', (256 * 1024) + 1)));
            Assert.Equal("InvalidParameter", tooLong.ErrorCode);
            var longSubject = await cli.RunAsync("sns", "publish", "--topic-arn", topic, "--subject", new string('s', 100), "--message", "x");
            Assert.Equal("InvalidParameter", longSubject.ErrorCode);

            // Large, but with room for the notification document around it within the queue's message size.
            var large = new string('y', 200 * 1024);
            var published = await cli.RunAsync("sns", "publish", "--topic-arn", topic, "--subject", "[pipeline] clickstream ETL SUCCEEDED", "--message", cli.File("large.txt", large));
            Assert.True(published.ExitCode == 0, published.Stderr);
            var messageId = published.Json.GetProperty("MessageId").GetString();

            var received = await cli.RunAsync("sqs", "receive-message", "--queue-url", queueUrl, "--wait-time-seconds", "10", "--max-number-of-messages", "10");
            Assert.True(received.ExitCode == 0, received.Stderr);
            var message = Assert.Single(received.Json.GetProperty("Messages").EnumerateArray());
            var notification = JsonDocument.Parse(message.GetProperty("Body").GetString()!).RootElement;
            Assert.Equal("Notification", notification.GetProperty("Type").GetString());
            Assert.Equal(messageId, notification.GetProperty("MessageId").GetString());
            Assert.Equal(topic, notification.GetProperty("TopicArn").GetString());
            Assert.Equal("[pipeline] clickstream ETL SUCCEEDED", notification.GetProperty("Subject").GetString());
            Assert.Equal(large, notification.GetProperty("Message").GetString());
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
