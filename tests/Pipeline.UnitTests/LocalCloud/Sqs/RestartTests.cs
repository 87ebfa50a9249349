using Microsoft.Extensions.Time.Testing;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Sqs;
using Pipeline.UnitTests.LocalCloud.Sqs.Fakes;

namespace Pipeline.UnitTests.LocalCloud.Sqs;

/// <summary>Queues and messages, in flight or not, survive a restart over the same state file.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sqs-restart-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private string StateFile => Path.Combine(_directory, "sqs", "state.json");

    [Fact]
    public async Task A_restarted_store_has_the_queues_and_their_messages()
    {
        var before = new SqsQueueStore(new LocalCloudOptions(), _time, StateFile);
        before.Create("jobs", new Dictionary<string, string> { ["VisibilityTimeout"] = "30" });
        var first = await before.SendAsync("jobs", "first", new Dictionary<string, SqsMessageAttribute> { ["k"] = new("String", "v", null) });
        await before.SendAsync("jobs", "second");
        Assert.Equal(first.MessageId, Assert.Single(await before.ReceiveAsync("jobs", 1, null, TimeSpan.Zero)).MessageId);

        var after = new SqsQueueStore(new LocalCloudOptions(), _time, StateFile);
        var waiting = Assert.Single(await after.ReceiveAsync("jobs", 10, null, TimeSpan.Zero));
        _time.Advance(TimeSpan.FromSeconds(30));
        var redelivered = Assert.Single(await after.ReceiveAsync("jobs", 1, null, TimeSpan.Zero));

        Assert.Equal("second", waiting.Body);
        Assert.Equal(first.MessageId, redelivered.MessageId);
        Assert.Equal(2, redelivered.ReceiveCount);
        Assert.Equal("v", redelivered.MessageAttributes["k"].StringValue);
        Assert.Equal("arn:aws:sqs:us-east-1:000000000000:jobs", after.GetQueueArn("jobs"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
