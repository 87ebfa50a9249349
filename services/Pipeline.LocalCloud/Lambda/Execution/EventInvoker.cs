using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Lambda.Execution;

/// <summary>
/// Lambda's asynchronous invocation: accepted at once, run in the background, and on a function error retried
/// <see cref="LambdaOptions.AsyncRetryAttempts"/> times, waiting <see cref="LambdaOptions.AsyncRetryDelay"/> and then
/// twice that, as Lambda waits one minute and then two. Events live in memory: LocalCloud stopping drops them.
/// </summary>
internal sealed partial class EventInvoker : IAsyncDisposable
{
    private readonly Func<EventInvocation, CancellationToken, Task<FunctionInvocationResult>> _invoke;
    private readonly LambdaOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _running = [];
    private bool _disposed;

    public EventInvoker(
        Func<EventInvocation, CancellationToken, Task<FunctionInvocationResult>> invoke,
        LambdaOptions options,
        TimeProvider time,
        ILogger logger)
    {
        _invoke = invoke;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Invocations accepted and not yet finished (succeeded, or failed their last attempt).</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _running.Count;
            }
        }
    }

    public void Enqueue(EventInvocation invocation)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                throw LambdaErrors.ShuttingDown();
            }

            var task = RunAsync(invocation);
            if (!task.IsCompleted)
            {
                _running.Add(task);
                _ = task.ContinueWith(Forget, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task[] running;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            running = [.. _running];
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Their processes are stopped next, which ends them.
        }

        _stopping.Dispose();
    }

    private async Task RunAsync(EventInvocation invocation)
    {
        // The caller has its 202 already; nothing of the run happens on its thread.
        await Task.Yield();
        var token = _stopping.Token;
        for (var attempt = 0; ; attempt++)
        {
            FunctionInvocationResult result;
            try
            {
                result = await _invoke(invocation, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (AwsServiceException e)
            {
                // Deleted, throttled to zero, or LocalCloud stopping: nothing to retry against.
                LogDropped(invocation.FunctionName, invocation.RequestId, e.Code, e.Message);
                return;
            }

            if (result.Succeeded)
            {
                return;
            }

            if (attempt >= _options.AsyncRetryAttempts)
            {
                LogGaveUp(invocation.FunctionName, invocation.RequestId, attempt + 1, System.Text.Encoding.UTF8.GetString(result.Payload));
                return;
            }

            var delay = _options.AsyncRetryDelay * Math.Pow(2, attempt);
            LogRetrying(invocation.FunctionName, invocation.RequestId, attempt + 1, delay.TotalSeconds);
            try
            {
                await Task.Delay(delay, _time, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Forget(Task task)
    {
        lock (_gate)
        {
            _running.Remove(task);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lambda {FunctionName}: event {RequestId} failed (attempt {Attempt}); retrying in {Seconds} s")]
    private partial void LogRetrying(string functionName, string requestId, int attempt, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lambda {FunctionName}: event {RequestId} failed {Attempts} times and is dropped: {Error}")]
    private partial void LogGaveUp(string functionName, string requestId, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lambda {FunctionName}: event {RequestId} dropped: {Code}: {Message}")]
    private partial void LogDropped(string functionName, string requestId, string code, string message);
}
