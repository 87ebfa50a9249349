using System.Text.Json;
using Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;
using AwsCli = Pipeline.IntegrationTests.LocalCloud.Cli.AwsCli;

namespace Pipeline.IntegrationTests.LocalCloud.Sns;

/// <summary>The AWS CLI creates a topic, subscribes an email, publishes; the message lands in messages.jsonl.</summary>
public sealed class SnsCliPublishTests
{
    [AwsCliFact]
    public async Task A_published_message_is_kept_in_messages_jsonl()
    {
        await using var cloud = await LocalCloudInstance.StartAsync();
        var work = Directory.CreateTempSubdirectory("localcloud-sns-cli-").FullName;
        try
        {
            var cli = new AwsCli(cloud.Endpoint.ToString().TrimEnd('/'), work);

            var created = await cli.RunAsync("sns", "create-topic", "--name", "etl-alerts");
            Assert.True(created.ExitCode == 0, created.Stderr);
            var topic = created.Json.GetProperty("TopicArn").GetString()!;
            Assert.Equal("arn:aws:sns:us-east-1:000000000000:etl-alerts", topic);

            var subscribed = await cli.RunAsync("sns", "subscribe", "--topic-arn", topic, "--protocol", "email", "--notification-endpoint", "ops@example.com");
            Assert.True(subscribed.ExitCode == 0, subscribed.Stderr);

            var published = await cli.RunAsync("sns", "publish", "--topic-arn", topic, "--subject", "Job done", "--message", "clickstream staged");
            Assert.True(published.ExitCode == 0, published.Stderr);
            var id = published.Json.GetProperty("MessageId").GetString();

            var line = Assert.Single(File.ReadAllLines(Path.Combine(cloud.DataDirectory, "sns", "etl-alerts", "messages.jsonl")));
            var stored = JsonDocument.Parse(line).RootElement;
            Assert.Equal(id, stored.GetProperty("MessageId").GetString());
            Assert.Equal(topic, stored.GetProperty("TopicArn").GetString());
            Assert.Equal("Job done", stored.GetProperty("Subject").GetString());
            Assert.Equal("clickstream staged", stored.GetProperty("Message").GetString());
            Assert.Equal("ops@example.com", stored.GetProperty("EmailRecipients")[0].GetString());

            var missing = await cli.RunAsync("sns", "publish", "--topic-arn", topic + "-nope", "--message", "x");
            Assert.Equal("NotFound", missing.ErrorCode);

            var listed = await cli.RunAsync("sns", "list-subscriptions-by-topic", "--topic-arn", topic);
            Assert.Equal("ops@example.com", listed.Json.GetProperty("Subscriptions")[0].GetProperty("Endpoint").GetString());
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
