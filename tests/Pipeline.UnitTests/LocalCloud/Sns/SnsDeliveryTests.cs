using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Sns;
using Pipeline.UnitTests.LocalCloud.Events.Fakes;
using Pipeline.UnitTests.LocalCloud.Sns.Fakes;

namespace Pipeline.UnitTests.LocalCloud.Sns;

/// <summary>A published message is kept in messages.jsonl with its email recipients, reaches Lambda subscribers as the SNS event and SQS ones as the notification.</summary>
public sealed class SnsDeliveryTests : IDisposable
{
    private const string Function = "arn:aws:lambda:us-east-1:000000000000:function:notified";

    private readonly string _directory = Directory.CreateTempSubdirectory("sns-unit-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Publish_records_the_message_and_delivers_to_lambda_and_sqs_subscribers()
    {
        var invoker = new RecordingFunctionInvoker();
        var queues = new RecordingSqsQueues();
        var sns = new SnsService(new LocalCloudOptions { DataDirectory = _directory }, () => invoker, () => queues, TimeProvider.System, NullLogger<SnsService>.Instance);
        var topic = sns.CreateTopic("alerts");
        sns.Subscribe(topic, "email", "ops@example.com");
        var lambda = sns.Subscribe(topic, "lambda", Function);
        sns.Subscribe(topic, "sqs", "arn:aws:sqs:us-east-1:000000000000:notices");

        var id = sns.Publish(topic, "job done", "ETL", new Dictionary<string, SnsMessageAttribute> { ["dataset"] = new("String", "clickstream") });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var loop = sns.RunDeliveriesAsync(cts.Token);
        while ((invoker.Invocations.IsEmpty || queues.Sent.IsEmpty) && !cts.IsCancellationRequested)
        {
            await Task.Delay(10);
        }

        await cts.CancelAsync();
        await loop;

        var stored = Assert.Single(sns.Read("alerts"));
        Assert.Equal((id, "job done", "ETL"), (stored.MessageId, stored.Message, stored.Subject));
        Assert.Equal(["ops@example.com"], stored.EmailRecipients);
        Assert.Single(File.ReadAllLines(Path.Combine(_directory, "sns", "alerts", "messages.jsonl")));

        var (function, payload) = Assert.Single(invoker.Invocations);
        Assert.Equal(Function, function);
        var record = JsonDocument.Parse(payload).RootElement.GetProperty("Records")[0];
        Assert.Equal("aws:sns", record.GetProperty("EventSource").GetString());
        Assert.Equal(lambda, record.GetProperty("EventSubscriptionArn").GetString());
        var message = record.GetProperty("Sns");
        Assert.Equal("Notification", message.GetProperty("Type").GetString());
        Assert.Equal(id, message.GetProperty("MessageId").GetString());
        Assert.Equal(topic, message.GetProperty("TopicArn").GetString());
        Assert.Equal("job done", message.GetProperty("Message").GetString());
        Assert.Equal("clickstream", message.GetProperty("MessageAttributes").GetProperty("dataset").GetProperty("Value").GetString());

        var (queue, body) = Assert.Single(queues.Sent);
        Assert.Equal("arn:aws:sqs:us-east-1:000000000000:notices", queue);
        var notification = JsonDocument.Parse(body).RootElement;
        Assert.Equal(("Notification", id, "job done"), (notification.GetProperty("Type").GetString(), notification.GetProperty("MessageId").GetString(), notification.GetProperty("Message").GetString()));
    }
}
