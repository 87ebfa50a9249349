using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda;
using Pipeline.LocalCloud.Lambda.Execution;
using Pipeline.UnitTests.Support;

namespace Pipeline.UnitTests.LocalCloud.LambdaService;

/// <summary>An Event invocation that fails is retried twice, after one delay and then twice that, as Lambda does.</summary>
public sealed class EventRetryTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly FunctionInvocationResult Failure = new("""{"errorMessage":"x","errorType":"E"}"""u8.ToArray(), "Unhandled");
    private static readonly FunctionInvocationResult Success = new("{}"u8.ToArray(), null);
    private static readonly EventInvocation Event = new("fn", "req-1", "{}"u8.ToArray(), "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=1");

    [Fact]
    public async Task A_failing_event_runs_three_times_with_growing_delays_under_one_request_id()
    {
        var time = new PendingTimersTimeProvider(Start);
        var attempts = new List<(string RequestId, DateTimeOffset At)>();
        var invoker = new EventInvoker(
            (invocation, _) =>
            {
                lock (attempts)
                {
                    attempts.Add((invocation.RequestId, time.GetUtcNow()));
                }

                return Task.FromResult(Failure);
            },
            new LambdaOptions { AsyncRetryDelay = TimeSpan.FromMinutes(1) },
            time,
            NullLogger.Instance);

        // The first attempt runs on a thread of the invoker's, so the test waits for its retry timer. Then the clock
        // moves on a pool thread: with no synchronization context there, each retry runs inside Advance and has armed
        // the next timer (or finished) when Advance returns.
        invoker.Enqueue(Event);
        await Until(() => Count() == 1 && time.PendingTimers == 1);
        await Task.Run(() => time.Advance(TimeSpan.FromMinutes(1) - TimeSpan.FromMilliseconds(1)));
        Assert.Equal(1, Count());
        await Task.Run(() => time.Advance(TimeSpan.FromMilliseconds(1)));
        Assert.Equal((2, 1), (Count(), time.PendingTimers));
        await Task.Run(() => time.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromMilliseconds(1)));
        Assert.Equal(2, Count());
        await Task.Run(() => time.Advance(TimeSpan.FromMilliseconds(1)));
        Assert.Equal((3, 0), (Count(), time.PendingTimers));
        await WaitUntilIdleAsync(invoker);

        Assert.Equal(["req-1", "req-1", "req-1"], attempts.Select(a => a.RequestId));
        Assert.Equal([Start, Start.AddMinutes(1), Start.AddMinutes(3)], attempts.Select(a => a.At));
        Assert.Equal(0, time.PendingTimers);
        await invoker.DisposeAsync();

        int Count()
        {
            lock (attempts)
            {
                return attempts.Count;
            }
        }
    }

    [Fact]
    public async Task A_retry_that_succeeds_ends_the_retries()
    {
        var calls = 0;
        var time = new FakeTimeProvider(Start);
        var invoker = new EventInvoker(
            (_, _) => Task.FromResult(Interlocked.Increment(ref calls) == 1 ? Failure : Success),
            new LambdaOptions(),
            time,
            NullLogger.Instance);

        invoker.Enqueue(Event);
        await WaitUntilIdleAsync(invoker, time);

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
            new FakeTimeProvider(Start),
            NullLogger.Instance);

        invoker.Enqueue(Event);
        await WaitUntilIdleAsync(invoker);

        Assert.Equal(1, calls);
        await invoker.DisposeAsync();
    }

    [Fact]
    public async Task After_disposal_events_are_refused()
    {
        var invoker = new EventInvoker((_, _) => Task.FromResult(Success), new LambdaOptions(), new FakeTimeProvider(Start), NullLogger.Instance);
        await invoker.DisposeAsync();

        Assert.Equal("ServiceException", Assert.Throws<AwsServiceException>(() => invoker.Enqueue(Event)).Code);
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true within 10 seconds.");
            await Task.Delay(5);
        }
    }

    /// <summary>
    /// Waits (up to 10 s) until no event is in flight. With a clock, it is moved a minute at a time meanwhile, so retry
    /// delays pass; the invoker ends an event only when it is done with it, so however the moves and the retries
    /// interleave, the calls counted after this are all the calls there will be.
    /// </summary>
    private static async Task WaitUntilIdleAsync(EventInvoker invoker, FakeTimeProvider? time = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (invoker.Pending > 0 && DateTime.UtcNow < deadline)
        {
            time?.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(10);
        }

        Assert.Equal(0, invoker.Pending);
    }
}
