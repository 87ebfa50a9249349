using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pipeline.LocalCloud.Lambda;
using Pipeline.LocalCloud.Lambda.Execution;

namespace Pipeline.UnitTests.LocalCloud.LambdaService;

/// <summary>
/// Event invocations accepted by an invoker that stopped before finishing them run when a new invoker over the same
/// queue folder resumes, keeping how many attempts they had; finished ones leave the folder.
/// </summary>
public sealed class EventQueueRestartTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly FunctionInvocationResult Failure = new("""{"errorMessage":"x","errorType":"E"}"""u8.ToArray(), "Unhandled");
    private static readonly FunctionInvocationResult Success = new("{}"u8.ToArray(), null);

    private readonly string _directory = Path.Combine(Directory.CreateTempSubdirectory("events-queue-unit-").FullName, "events.queue");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_directory)!, recursive: true);

    [Fact]
    public async Task An_unfinished_event_runs_after_the_restart_with_the_retries_it_had_left()
    {
        var time = new FakeTimeProvider(Start);
        var firstCalls = 0;
        var first = new EventInvoker(
            (_, _) =>
            {
                Interlocked.Increment(ref firstCalls);
                return Task.FromResult(Failure);
            },
            new LambdaOptions(),
            time,
            NullLogger.Instance,
            _directory);
        first.Enqueue(new EventInvocation("fn", "req-1", "{}"u8.ToArray(), "Root=1-00000000-000000000000000000000000"));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Volatile.Read(ref firstCalls) < 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        // Stopped while the event waits for its first retry.
        await first.DisposeAsync();
        var seen = new List<string>();
        var second = new EventInvoker(
            (invocation, _) =>
            {
                lock (seen)
                {
                    seen.Add(invocation.RequestId);
                }

                return Task.FromResult(Failure);
            },
            new LambdaOptions(),
            time,
            NullLogger.Instance,
            _directory);
        second.Resume();
        deadline = DateTime.UtcNow.AddSeconds(10);
        while (second.Pending > 0 && DateTime.UtcNow < deadline)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(10);
        }

        Assert.Equal(1, firstCalls);
        Assert.Equal(["req-1", "req-1"], seen);
        Assert.Empty(Directory.GetFiles(_directory));
        await second.DisposeAsync();
    }

    [Fact]
    public async Task A_finished_event_is_not_run_again()
    {
        var time = new FakeTimeProvider(Start);
        var first = new EventInvoker((_, _) => Task.FromResult(Success), new LambdaOptions(), time, NullLogger.Instance, _directory);
        first.Enqueue(new EventInvocation("fn", "req-1", "{}"u8.ToArray(), "Root=1-00000000-000000000000000000000000"));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (first.Pending > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        await first.DisposeAsync();
        var calls = 0;
        var second = new EventInvoker((_, _) => Task.FromResult(Interlocked.Increment(ref calls) > 0 ? Success : Failure), new LambdaOptions(), time, NullLogger.Instance, _directory);
        second.Resume();

        Assert.Equal(0, second.Pending);
        Assert.Equal(0, calls);
        Assert.Empty(Directory.GetFiles(_directory));
        await second.DisposeAsync();
    }
}
