using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Sns;
using Pipeline.UnitTests.LocalCloud.Events.Fakes;
using Pipeline.UnitTests.LocalCloud.Sns.Fakes;

namespace Pipeline.UnitTests.LocalCloud.Sns;

/// <summary>
/// SNS opened again over the same data directory has the topics and subscriptions of the last one, and delivers the
/// messages that one accepted and did not deliver, once.
/// </summary>
public sealed class SnsRestartTests : IDisposable
{
    private const string Queue = "arn:aws:sqs:us-east-1:000000000000:notices";

    private readonly string _directory = Directory.CreateTempSubdirectory("sns-unit-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Subscriptions_survive_and_an_undelivered_message_is_delivered_once_after_the_restart()
    {
        var first = Open(new RecordingSqsQueues());
        var topic = first.CreateTopic("alerts");
        var subscription = first.Subscribe(topic, "sqs", Queue);
        first.CreateTopic("removed");
        first.DeleteTopic(first.TopicArn("removed"));

        // Accepted, but the service stops (or dies) before its delivery loop gets to it.
        var id = first.Publish(topic, "pending", null, new Dictionary<string, SnsMessageAttribute>());
        var queues = new RecordingSqsQueues();
        var second = Open(queues);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var loop = second.RunDeliveriesAsync(cts.Token);
        while (queues.Sent.IsEmpty && !cts.IsCancellationRequested)
        {
            await Task.Delay(10);
        }

        // Room for a second delivery, which must not come.
        await Task.Delay(100);
        await cts.CancelAsync();
        await loop;

        Assert.Equal([topic], second.ListTopics());
        Assert.Equal([new SnsSubscription(subscription, topic, "sqs", Queue)], second.ListSubscriptionsByTopic(topic));
        var (queue, body) = Assert.Single(queues.Sent);
        Assert.Equal(Queue, queue);
        Assert.Contains(id, body, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(_directory, "sns", "deliveries.queue")));
    }

    private SnsService Open(RecordingSqsQueues queues) =>
        new(new LocalCloudOptions { DataDirectory = _directory }, () => new RecordingFunctionInvoker(), () => queues, TimeProvider.System, NullLogger<SnsService>.Instance);
}
