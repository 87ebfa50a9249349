using System.Collections.Concurrent;
using System.Text;
using Pipeline.LocalCloud.Lambda;

namespace Pipeline.UnitTests.LocalCloud.Events.Fakes;

/// <summary>Records each invocation's payload; fails the first <see cref="FailuresBeforeSuccess"/> of them.</summary>
internal sealed class RecordingFunctionInvoker : IFunctionInvoker
{
    private int _calls;

    public int FailuresBeforeSuccess { get; init; }

    public ConcurrentQueue<(string Function, string Payload)> Invocations { get; } = new();

    public Task<FunctionInvocationResult> InvokeAsync(string functionNameOrArn, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        Invocations.Enqueue((functionNameOrArn, Encoding.UTF8.GetString(payload.Span)));
        var failed = Interlocked.Increment(ref _calls) <= FailuresBeforeSuccess;
        return Task.FromResult(failed
            ? new FunctionInvocationResult("""{"errorMessage":"boom","errorType":"Test"}"""u8.ToArray(), "Unhandled")
            : new FunctionInvocationResult("null"u8.ToArray(), null));
    }
}
