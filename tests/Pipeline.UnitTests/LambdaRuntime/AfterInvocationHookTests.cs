using Pipeline.LambdaRuntime;
using Pipeline.UnitTests.LambdaRuntime.Fakes;
using Xunit;

namespace Pipeline.UnitTests.LambdaRuntime;

/// <summary>The after-invocation hook runs once the answer is posted and before the next event is asked for.</summary>
public sealed class AfterInvocationHookTests
{
    [Fact]
    public async Task Runs_between_each_answer_and_the_next_request()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        api.Enqueue(new QueuedInvocation("ok", "{}"));
        api.Enqueue(new QueuedInvocation("failing", "{}"));
        using var stop = new CancellationTokenSource();

        var run = LambdaBootstrap.RunAsync(
            (_, context, _) => context.AwsRequestId == "failing"
                ? throw new InvalidOperationException("fails")
                : Task.FromResult<ReadOnlyMemory<byte>>("{}"u8.ToArray()),
            api.Options() with
            {
                AfterInvocation = () => api.Note("hook"),
            },
            stop.Token);

        await api.NextRequested(3);
        await stop.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(FakeRuntimeApi.Patience));
        Assert.Equal(["next", "response:ok", "hook", "next", "error:failing", "hook", "next"], api.Events);
    }

    [Fact]
    public async Task A_failing_hook_does_not_stop_the_loop()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        api.Enqueue(new QueuedInvocation("first", "{}"));
        api.Enqueue(new QueuedInvocation("second", "{}"));
        var log = new StringWriter();
        using var stop = new CancellationTokenSource();

        var run = LambdaBootstrap.RunAsync(
            (_, _, _) => Task.FromResult<ReadOnlyMemory<byte>>("{}"u8.ToArray()),
            api.Options(log: TextWriter.Synchronized(log)) with { AfterInvocation = () => throw new IOException("exporter down") },
            stop.Token);

        var first = await api.NextPostAsync();
        var second = await api.NextPostAsync();
        await stop.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(FakeRuntimeApi.Patience));
        Assert.Equal(("first", "second"), (first.RequestId, second.RequestId));
        Assert.Contains("exporter down", log.ToString(), StringComparison.Ordinal);
    }
}
