using Microsoft.Extensions.Time.Testing;
using Pipeline.LambdaRuntime;
using Pipeline.UnitTests.LambdaRuntime.Fakes;
using Xunit;

namespace Pipeline.UnitTests.LambdaRuntime;

/// <summary>
/// The handler's token is cancelled <see cref="LambdaRuntimeOptions.DeadlineMargin"/> before the deadline, and a
/// handler that gives up on it is reported as timed out.
/// </summary>
public sealed class DeadlineCancellationTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Cancels_the_token_at_the_margin_before_the_deadline_and_reports_a_timeout()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        var clock = new FakeTimeProvider(Start);
        api.Enqueue(new QueuedInvocation("slow", "{}", Deadline: Start.AddSeconds(3)));
        var started = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var remainingWhenCancelled = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        var run = LambdaBootstrap.RunAsync(
            async (_, context, ct) =>
            {
                started.SetResult(ct);
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                }
                catch (OperationCanceledException)
                {
                    remainingWhenCancelled.SetResult(context.RemainingTime);
                    throw;
                }

                return ReadOnlyMemory<byte>.Empty;
            },
            api.Options() with
            {
                TimeProvider = clock,
                DeadlineMargin = TimeSpan.FromMilliseconds(500),
                TimeoutGracePeriod = TimeSpan.FromMilliseconds(250),
            },
            stop.Token);

        var token = await started.Task.WaitAsync(FakeRuntimeApi.Patience);
        clock.Advance(TimeSpan.FromMilliseconds(2499));
        Assert.False(token.IsCancellationRequested);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(token.IsCancellationRequested);

        var error = await api.NextPostAsync();
        await stop.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(FakeRuntimeApi.Patience));
        Assert.Equal(TimeSpan.FromMilliseconds(500), await remainingWhenCancelled.Task);
        Assert.Equal((PostKind.InvocationError, "slow"), (error.Kind, error.RequestId));
        Assert.Equal((LambdaErrorTypes.Timeout, "Task timed out after 3.00 seconds"), (error.ErrorType, error.ErrorMessage));
        Assert.Equal(LambdaErrorTypes.Timeout, error.ErrorTypeHeader);
    }

    [Fact]
    public async Task A_handler_that_finishes_after_the_token_fires_but_within_the_grace_period_gets_its_response_posted()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        var clock = new FakeTimeProvider(Start);
        api.Enqueue(new QueuedInvocation("wrapped-up", "{}", Deadline: Start.AddSeconds(3)));
        var started = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        var run = LambdaBootstrap.RunAsync(
            async (_, _, ct) =>
            {
                started.SetResult(ct);
                await Task.Delay(Timeout.InfiniteTimeSpan, ct).ContinueWith(_ => { }, TaskScheduler.Default);
                return "partial"u8.ToArray();
            },
            api.Options() with { TimeProvider = clock },
            stop.Token);

        await started.Task.WaitAsync(FakeRuntimeApi.Patience);
        clock.Advance(TimeSpan.FromMilliseconds(2500));

        var post = await api.NextPostAsync();
        await stop.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(FakeRuntimeApi.Patience));
        Assert.Equal((PostKind.Response, "wrapped-up", "partial"), (post.Kind, post.RequestId, post.Text));
    }
}
