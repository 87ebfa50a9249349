using Microsoft.Extensions.Time.Testing;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda.EventSources;
using Pipeline.LocalCloud.Sqs;
using Pipeline.UnitTests.LocalCloud.LambdaService.EventSources.Fakes;
using Pipeline.UnitTests.LocalCloud.Sqs.Fakes;

namespace Pipeline.UnitTests.LocalCloud.LambdaService.EventSources;

/// <summary>A poller round gathers up to BatchSize within the batching window, invokes once, then deletes what succeeded.</summary>
public sealed class SqsBatchPollerTests
{
    private const string QueueArn = "arn:aws:sqs:us-east-1:000000000000:jobs";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero));

    private static EventSourceMapping Mapping(int batchSize, int window, bool report = true) =>
        new("u", QueueArn, "f", batchSize, window, report, EventSourceMappingState.Enabled, "USER_INITIATED", DateTimeOffset.UnixEpoch);

    private static IReadOnlyList<SqsReceivedMessage> Messages(params string[] ids) => ids.Select(id => ScriptedQueue.Message(id)).ToList();

    [Fact]
    public async Task An_empty_long_poll_invokes_nothing()
    {
        var queue = new ScriptedQueue(_time);
        var function = new ScriptedFunction(_ => ScriptedFunction.Returns("{}"));

        var outcome = await new SqsBatchPoller(queue, function, _time, "us-east-1").PollOnceAsync(Mapping(10, 0), "f", default);

        Assert.Equal(0, outcome.Received);
        Assert.Empty(function.Events);
        Assert.Equal(SqsBatchPoller.LongPoll, Assert.Single(queue.Receives).Wait);
    }

    [Fact]
    public async Task Without_a_window_one_receive_makes_the_batch()
    {
        var queue = new ScriptedQueue(_time, Messages("a", "b"), Messages("c"));
        var function = new ScriptedFunction(_ => ScriptedFunction.Returns("{}"));

        var outcome = await new SqsBatchPoller(queue, function, _time, "us-east-1").PollOnceAsync(Mapping(10, 0), "f", default);

        Assert.Equal((2, 2), (outcome.Received, outcome.Deleted));
        Assert.Equal(["a", "b"], queue.Deleted);
        Assert.Single(queue.Receives);
    }

    [Fact]
    public async Task A_window_gathers_several_receives_up_to_the_batch_size()
    {
        var queue = new ScriptedQueue(_time, Messages("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), Messages("k", "l", "m", "n", "o", "p", "q", "r", "s", "t"), Messages("u", "v", "w"));
        var function = new ScriptedFunction(_ => ScriptedFunction.Returns("{}"));

        var outcome = await new SqsBatchPoller(queue, function, _time, "us-east-1").PollOnceAsync(Mapping(25, 60), "f", default);

        Assert.Equal(23, outcome.Received);
        var records = Assert.Single(function.Events).GetProperty("Records");
        Assert.Equal(23, records.GetArrayLength());
        Assert.All(queue.Receives, r => Assert.True(r.Max <= 10));
    }

    [Fact]
    public async Task The_window_closes_the_batch_when_it_ends()
    {
        var queue = new ScriptedQueue(_time, Messages("a"), [], Messages("late"));
        var function = new ScriptedFunction(_ => ScriptedFunction.Returns("{}"));

        var outcome = await new SqsBatchPoller(queue, function, _time, "us-east-1").PollOnceAsync(Mapping(100, 5), "f", default);

        Assert.Equal(["a"], queue.Deleted);
        Assert.Equal(1, outcome.Received);
        Assert.Equal(2, queue.Receives.Count);
        Assert.Equal(TimeSpan.FromSeconds(5), queue.Receives[1].Wait);
    }

    [Fact]
    public async Task Reported_failures_are_not_deleted()
    {
        var queue = new ScriptedQueue(_time, Messages("a", "b", "c"));
        var function = new ScriptedFunction(_ => ScriptedFunction.Returns("{\"batchItemFailures\":[{\"itemIdentifier\":\"b\"}]}"));

        var outcome = await new SqsBatchPoller(queue, function, _time, "us-east-1").PollOnceAsync(Mapping(10, 0), "f", default);

        Assert.Equal(["a", "c"], queue.Deleted);
        Assert.Equal((3, 2, null), (outcome.Received, outcome.Deleted, outcome.FunctionError));
    }

    [Fact]
    public async Task A_function_error_leaves_every_message_to_come_back()
    {
        var queue = new ScriptedQueue(_time, Messages("a", "b"));
        var function = new ScriptedFunction(_ => ScriptedFunction.Fails());

        var outcome = await new SqsBatchPoller(queue, function, _time, "us-east-1").PollOnceAsync(Mapping(10, 0), "f", default);

        Assert.Empty(queue.Deleted);
        Assert.Equal("Unhandled", outcome.FunctionError);
    }

    [Fact]
    public async Task A_function_that_cannot_be_invoked_leaves_the_messages()
    {
        var queue = new ScriptedQueue(_time, Messages("a"));
        var function = new ScriptedFunction(_ => throw new AwsServiceException("ResourceNotFoundException", "Function not found", 404));

        var outcome = await new SqsBatchPoller(queue, function, _time, "us-east-1").PollOnceAsync(Mapping(10, 0), "f", default);

        Assert.Empty(queue.Deleted);
        Assert.Equal("ResourceNotFoundException", outcome.FunctionError);
    }
}
