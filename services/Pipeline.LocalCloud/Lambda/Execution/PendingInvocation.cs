namespace Pipeline.LocalCloud.Lambda.Execution;

/// <summary>
/// One invocation on its way through a pool: queued, handed to a process, then completed exactly once, by the
/// process's answer, its timeout, its crash, or the caller giving up.
/// </summary>
internal sealed class PendingInvocation
{
    private readonly TaskCompletionSource<FunctionInvocationResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _deadlineTimer;

    public PendingInvocation(string requestId, ReadOnlyMemory<byte> payload, string invokedFunctionArn, string traceId)
    {
        RequestId = requestId;
        Payload = payload;
        InvokedFunctionArn = invokedFunctionArn;
        TraceId = traceId;
    }

    /// <summary><c>Lambda-Runtime-Aws-Request-Id</c>.</summary>
    public string RequestId { get; }

    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary><c>Lambda-Runtime-Invoked-Function-Arn</c>.</summary>
    public string InvokedFunctionArn { get; }

    /// <summary><c>Lambda-Runtime-Trace-Id</c> (X-Ray format).</summary>
    public string TraceId { get; }

    /// <summary>When the invocation was queued; set by the pool.</summary>
    public DateTimeOffset EnqueuedAt { get; set; }

    /// <summary>Set when a process takes the invocation: now plus the function's timeout.</summary>
    public DateTimeOffset Deadline { get; private set; }

    public Task<FunctionInvocationResult> Completion => _completion.Task;

    public bool IsCompleted => _completion.Task.IsCompleted;

    /// <summary>Starts the clock: <paramref name="onDeadline"/> runs if no answer comes within <paramref name="timeout"/>.</summary>
    public void StartClock(TimeProvider time, TimeSpan timeout, Action onDeadline)
    {
        _deadlineTimer?.Dispose();
        Deadline = time.GetUtcNow() + timeout;
        _deadlineTimer = time.CreateTimer(static state => ((Action)state!)(), onDeadline, timeout, Timeout.InfiniteTimeSpan);
    }

    public void StopClock()
    {
        _deadlineTimer?.Dispose();
        _deadlineTimer = null;
    }

    public bool TryComplete(FunctionInvocationResult result)
    {
        StopClock();
        return _completion.TrySetResult(result);
    }

    public bool TryFail(Exception exception)
    {
        StopClock();
        return _completion.TrySetException(exception);
    }

    /// <summary>The caller stopped waiting. A process already running it runs on; its answer is dropped.</summary>
    public bool TryCancel(CancellationToken cancellationToken) => _completion.TrySetCanceled(cancellationToken);
}
