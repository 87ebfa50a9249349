using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda;
using Pipeline.LocalCloud.Lambda.Execution;
using Pipeline.UnitTests.LocalCloud.LambdaService.Fakes;

namespace Pipeline.UnitTests.LocalCloud.LambdaService;

/// <summary>An Event invocation that fails is retried twice, after one delay and then twice that, as Lambda does.</summary>
public sealed class EventRetryTests
{
    private static readonly FunctionInvocationResult Failure = new("""{"errorMessage":"x","errorType":"E"}"""u8.ToArray(), "Unhandled");
    private static readonly FunctionInvocationResult Success = new("{}"u8.ToArray(), null);
    private static readonly EventInvocation Event = new("fn", "req-1", "{}"u8.ToArray(), "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=1");

    [Fact]
    public async Task A_failing_event_runs_three_times_with_growing_delays_under_one_request_id()
    {
        var time = new ImmediateTimeProvider();
        var attempts = new List<string>();
        var done = new TaskCompletionSource();
        var invoker = new EventInvoker(
            (invocation, _) =>
            {
                lock (attempts)
                {
                    attempts.Add(invocation.RequestId);
                    if (attempts.Count == 3)
                    {
                        done.SetResult();
                    }
                }

                return Task.FromResult(Failure);
            },
            new LambdaOptions { AsyncRetryDelay = TimeSpan.FromMinutes(1) },
            time,
            NullLogger.Instance);

        invoker.Enqueue(Event);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await WaitUntilIdleAsync(invoker);

        Assert.Equal(["req-1", "req-1", "req-1"], attempts);
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)], time.Delays);
        await invoker.DisposeAsync();
    }

    [Fact]
    public async Task A_retry_that_succeeds_ends_the_retries()
    {
        var calls = 0;
        var invoker = new EventInvoker(
            (_, _) => Task.FromResult(Interlocked.Increment(ref calls) == 1 ? Failure : Success),
            new LambdaOptions(),
            new ImmediateTimeProvider(),
            NullLogger.Instance);

        invoker.Enqueue(Event);
        await WaitUntilIdleAsync(invoker);

        Assert.Equal(2, calls);
        await invoker.DisposeAsync();
    }

    [Fact]
    public async Task A_deleted_function_is_not_retried()
    {
        var calls = 0;
        var invoker = new EventInvoker(
            (_, _) =>
            {
                Interlocked.Increment(ref calls);
                throw new AwsServiceException("ResourceNotFoundException", "gone", 404);
            },
            new LambdaOptions(),
            new ImmediateTimeProvider(),
            NullLogger.Instance);

        invoker.Enqueue(Event);
        await WaitUntilIdleAsync(invoker);

        Assert.Equal(1, calls);
        await invoker.DisposeAsync();
    }

    [Fact]
    public async Task After_disposal_events_are_refused()
    {
        var invoker = new EventInvoker((_, _) => Task.FromResult(Success), new LambdaOptions(), new ImmediateTimeProvider(), NullLogger.Instance);
        await invoker.DisposeAsync();

        Assert.Equal("ServiceException", Assert.Throws<AwsServiceException>(() => invoker.Enqueue(Event)).Code);
    }

    private static async Task WaitUntilIdleAsync(EventInvoker invoker)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (invoker.Pending > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal(0, invoker.Pending);
    }
}
