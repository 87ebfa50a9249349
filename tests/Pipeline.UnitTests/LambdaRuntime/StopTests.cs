using Pipeline.LambdaRuntime;
using Pipeline.UnitTests.LambdaRuntime.Fakes;
using Xunit;

namespace Pipeline.UnitTests.LambdaRuntime;

/// <summary>Cancelling the runtime's token (what SIGTERM does) stops it cleanly with exit code 0.</summary>
public sealed class StopTests
{
    [Fact]
    public async Task Stops_while_waiting_for_an_event()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        using var stop = new CancellationTokenSource();

        var run = LambdaBootstrap.RunAsync((_, _, _) => Task.FromResult(ReadOnlyMemory<byte>.Empty), api.Options(), stop.Token);
        await api.NextRequested(1);
        Assert.False(run.IsCompleted);
        await stop.CancelAsync();

        Assert.Equal((int)LambdaExitCode.Stopped, await run.WaitAsync(FakeRuntimeApi.Patience));
    }

    [Fact]
    public async Task Cancels_a_running_handler_reports_it_and_stops()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        api.Enqueue(new QueuedInvocation("interrupted", "{}"));
        api.Enqueue(new QueuedInvocation("never-asked-for", "{}"));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        var run = LambdaBootstrap.RunAsync(
            async (_, _, ct) =>
            {
                started.SetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                return ReadOnlyMemory<byte>.Empty;
            },
            api.Options(),
            stop.Token);

        await started.Task.WaitAsync(FakeRuntimeApi.Patience);
        await stop.CancelAsync();

        Assert.Equal((int)LambdaExitCode.Stopped, await run.WaitAsync(FakeRuntimeApi.Patience));
        var error = await api.NextPostAsync();
        Assert.Equal((PostKind.InvocationError, "interrupted", LambdaErrorTypes.Stopping), (error.Kind, error.RequestId, error.ErrorType));
        Assert.Equal(["next", "error:interrupted"], api.Events);
    }
}
