using Microsoft.Extensions.Time.Testing;
using Pipeline.LambdaRuntime;
using Pipeline.UnitTests.LambdaRuntime.Fakes;
using Xunit;

namespace Pipeline.UnitTests.LambdaRuntime;

/// <summary>A handler that ignores its cancelled token is abandoned: the timeout is posted in time and the loop goes on.</summary>
public sealed class TimeoutReportTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Posts_a_timeout_before_the_deadline_and_serves_the_next_invocation()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        var clock = new FakeTimeProvider(Start);
        api.Enqueue(new QueuedInvocation("stuck", """{"name":"stuck"}""", Deadline: Start.AddSeconds(3)));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource<Reply>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        var run = LambdaBootstrap.RunAsync(
            (greeting, _, _) =>
            {
                if (greeting.Name != "stuck")
                {
                    return Task.FromResult(new Reply("on time"));
                }

                started.SetResult();
                return never.Task;
            },
            TestJsonContext.Default.Greeting,
            TestJsonContext.Default.Reply,
            api.Options() with
            {
                TimeProvider = clock,
                DeadlineMargin = TimeSpan.FromMilliseconds(500),
                TimeoutGracePeriod = TimeSpan.FromMilliseconds(250),
            },
            stop.Token);

        await started.Task.WaitAsync(FakeRuntimeApi.Patience);
        clock.Advance(TimeSpan.FromMilliseconds(2500));
        Assert.False(api.TryTakePost(out _));
        clock.Advance(TimeSpan.FromMilliseconds(250));

        var timeout = await api.NextPostAsync();
        api.Enqueue(new QueuedInvocation("next", """{"name":"Ada"}""", Deadline: Start.AddMinutes(1)));
        var response = await api.NextPostAsync();
        await stop.CancelAsync();
        never.SetResult(new Reply("far too late"));

        Assert.Equal(0, await run.WaitAsync(FakeRuntimeApi.Patience));
        Assert.Equal((PostKind.InvocationError, "stuck", LambdaErrorTypes.Timeout, "Task timed out after 3.00 seconds"), (timeout.Kind, timeout.RequestId, timeout.ErrorType, timeout.ErrorMessage));
        Assert.Equal((PostKind.Response, "next", """{"message":"on time"}"""), (response.Kind, response.RequestId, response.Text));
        Assert.False(api.TryTakePost(out _));
    }
}
