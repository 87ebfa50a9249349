using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda;
using Pipeline.LocalCloud.Lambda.Execution;

namespace Pipeline.UnitTests.LocalCloud.LambdaService;

/// <summary>
/// An Event invocation whose retries are spent goes to the dead-letter target once, with the last error; throttles
/// are tried again without using up the retries, as in Lambda.
/// </summary>
public sealed class EventDeadLetterTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly FunctionInvocationResult Failure = new("""{"errorMessage":"x","errorType":"E"}"""u8.ToArray(), "Unhandled");
    private static readonly FunctionInvocationResult Success = new("{}"u8.ToArray(), null);
    private static readonly EventInvocation Event = new("fn", "req-1", """{"k":1}"""u8.ToArray(), "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=1");

    [Fact]
    public async Task A_failing_event_goes_to_the_dead_letter_target_once_after_three_attempts()
    {
        var calls = 0;
        var deadLettered = new ConcurrentQueue<FailedEvent>();
        var time = new FakeTimeProvider(Start);
        var invoker = new EventInvoker(
            (_, _) =>
            {
                Interlocked.Increment(ref calls);
                return Task.FromResult(Failure);
            },
            new LambdaOptions(),
            time,
            NullLogger.Instance,
            deadLetter: (failed, _) =>
            {
                deadLettered.Enqueue(failed);
                return Task.CompletedTask;
            });

        invoker.Enqueue(Event);
        await WaitUntilIdleAsync(invoker, time);

        Assert.Equal(3, calls);
        var failed = Assert.Single(deadLettered);
        Assert.Equal(("req-1", 3, 200), (failed.Invocation.RequestId, failed.Attempts, failed.ErrorCode));
        Assert.Equal("""{"errorMessage":"x","errorType":"E"}""", failed.ErrorMessage);
        Assert.Equal("""{"k":1}""", System.Text.Encoding.UTF8.GetString(failed.Invocation.Payload.Span));
        await invoker.DisposeAsync();
    }

    [Fact]
    public async Task Throttles_are_tried_again_without_using_up_the_retries()
    {
        var calls = 0;
        var deadLettered = 0;
        var time = new FakeTimeProvider(Start);
        var invoker = new EventInvoker(
            (_, _) => Interlocked.Increment(ref calls) switch
            {
                <= 5 => throw LambdaErrors.Throttled(),
                6 or 7 => Task.FromResult(Failure),
                _ => Task.FromResult(Success),
            },
            new LambdaOptions(),
            time,
            NullLogger.Instance,
            deadLetter: (_, _) =>
            {
                Interlocked.Increment(ref deadLettered);
                return Task.CompletedTask;
            });

        invoker.Enqueue(Event);
        await WaitUntilIdleAsync(invoker, time);

        Assert.Equal((8, 0), (calls, deadLettered));
        await invoker.DisposeAsync();
    }

    [Fact]
    public async Task An_event_older_than_the_maximum_age_is_not_tried_and_goes_to_the_dead_letter_target()
    {
        var calls = 0;
        var deadLettered = new ConcurrentQueue<FailedEvent>();
        var time = new FakeTimeProvider(Start);
        var invoker = new EventInvoker(
            (_, _) =>
            {
                Interlocked.Increment(ref calls);
                throw LambdaErrors.Throttled();
            },
            new LambdaOptions { AsyncMaxEventAge = TimeSpan.FromMinutes(10), AsyncThrottleMaxDelay = TimeSpan.FromMinutes(1) },
            time,
            NullLogger.Instance,
            deadLetter: (failed, _) =>
            {
                deadLettered.Enqueue(failed);
                return Task.CompletedTask;
            });

        invoker.Enqueue(Event);
        await WaitUntilIdleAsync(invoker, time);

        Assert.InRange(calls, 2, 12);
        Assert.Equal((0, 429), (Assert.Single(deadLettered).Attempts, deadLettered.Single().ErrorCode));
        await invoker.DisposeAsync();
    }

    /// <summary>Waits (up to 10 s) until no event is in flight, moving the clock a minute at a time so delays pass.</summary>
    private static async Task WaitUntilIdleAsync(EventInvoker invoker, FakeTimeProvider time)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (invoker.Pending > 0 && DateTime.UtcNow < deadline)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(10);
        }

        Assert.Equal(0, invoker.Pending);
    }
}
