using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.Lambda.Execution;

/// <summary>
/// Lambda's asynchronous invocation: accepted at once, run in the background, and on a function error retried
/// <see cref="LambdaOptions.AsyncRetryAttempts"/> times, waiting <see cref="LambdaOptions.AsyncRetryDelay"/> and then
/// twice that, as Lambda waits one minute and then two; an event older than <see cref="LambdaOptions.AsyncMaxEventAge"/>
/// is not tried again. With a queue folder, each event is written there (fsync'ed) before it is accepted, its retry
/// state with it, and removed when it is done, so events a stop or a crash interrupted run after the next start
/// (<see cref="Resume"/>): at least once, as Lambda's own queue delivers. A throttled event (reserved concurrency 0)
/// is kept and tried again, backing off, until the maximum event age. An event that fails its last attempt, or gets
/// too old, goes to the function's dead-letter queue or topic (<c>DeadLetterConfig</c>) when it has one; without one it
/// is logged and dropped.
/// </summary>
internal sealed partial class EventInvoker : IAsyncDisposable
{
    private readonly Func<EventInvocation, CancellationToken, Task<FunctionInvocationResult>> _invoke;
    private readonly LambdaOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly WorkSpool<QueuedEvent>? _queue;
    private readonly Func<FailedEvent, CancellationToken, Task>? _deadLetter;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _running = [];
    private IReadOnlyList<(string Key, QueuedEvent Event)> _recovered = [];
    private bool _disposed;

    /// <param name="invoke">Runs one attempt.</param>
    /// <param name="options">Retry attempts, delays and the maximum event age.</param>
    /// <param name="time">Retry delays and event ages.</param>
    /// <param name="logger">Retries, drops and recoveries.</param>
    /// <param name="queueDirectory">Where accepted events are kept until done; null keeps them in memory only.</param>
    /// <param name="deadLetter">Sends an event whose retries are spent to the function's dead-letter target, if any.</param>
    public EventInvoker(
        Func<EventInvocation, CancellationToken, Task<FunctionInvocationResult>> invoke,
        LambdaOptions options,
        TimeProvider time,
        ILogger logger,
        string? queueDirectory = null,
        Func<FailedEvent, CancellationToken, Task>? deadLetter = null)
    {
        _invoke = invoke;
        _deadLetter = deadLetter;
        _options = options;
        _time = time;
        _logger = logger;
        if (queueDirectory is not null)
        {
            _queue = new WorkSpool<QueuedEvent>(queueDirectory, EventQueueJsonContext.Default.QueuedEvent);
            var (items, unreadable) = _queue.Load();
            _recovered = items;
            foreach (var problem in unreadable)
            {
                LogUnreadable(problem);
            }
        }
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

            var queued = new QueuedEvent(invocation.FunctionName, invocation.RequestId, invocation.Payload.ToArray(), invocation.TraceId, _time.GetUtcNow());

            // On disk before the caller is answered 202: from here on a crash delays the event, it does not lose it.
            Start(_queue?.Add(queued), queued);
        }
    }

    /// <summary>Starts the events an earlier run left in the queue folder (once; later calls do nothing).</summary>
    public void Resume()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            foreach (var (key, queued) in _recovered)
            {
                Start(key, queued);
            }

            if (_recovered.Count > 0)
            {
                LogResumed(_recovered.Count, _queue!.Directory);
            }

            _recovered = [];
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

    // Under _gate.
    private void Start(string? key, QueuedEvent queued)
    {
        var task = RunAsync(key, queued);
        if (!task.IsCompleted)
        {
            _running.Add(task);
            _ = task.ContinueWith(Forget, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task RunAsync(string? key, QueuedEvent queued)
    {
        // The caller has its 202 already; nothing of the run happens on its thread.
        await Task.Yield();
        var token = _stopping.Token;
        var invocation = new EventInvocation(queued.FunctionName, queued.RequestId, queued.Payload, queued.TraceId);
        if (queued.NextAttemptAt is { } due && due > _time.GetUtcNow() && !await WaitAsync(due - _time.GetUtcNow(), token).ConfigureAwait(false))
        {
            return;
        }

        while (true)
        {
            if (_time.GetUtcNow() - queued.AcceptedAt > _options.AsyncMaxEventAge)
            {
                LogExpired(invocation.FunctionName, invocation.RequestId, queued.Attempts, _options.AsyncMaxEventAge.TotalSeconds);
                await FailAsync(key, new FailedEvent(invocation, queued.Attempts, 429, $"The event is older than the maximum event age of {_options.AsyncMaxEventAge.TotalSeconds} seconds."), token).ConfigureAwait(false);
                return;
            }

            FunctionInvocationResult result;
            TimeSpan delay;
            try
            {
                result = await _invoke(invocation, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // LocalCloud is stopping: the event stays queued for the next start.
                return;
            }
            catch (AwsServiceException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (AwsServiceException e) when (e.Code == "TooManyRequestsException")
            {
                // Lambda keeps a throttled event and tries again, backing off, until the maximum event age; a throttle
                // is not one of the function's attempts.
                delay = TimeSpan.FromTicks(Math.Min(_options.AsyncThrottleMaxDelay.Ticks, (long)Math.Min(long.MaxValue / 2, _options.AsyncRetryDelay.Ticks * Math.Pow(2, queued.Throttles))));
                queued = queued with { Throttles = queued.Throttles + 1, NextAttemptAt = _time.GetUtcNow() + delay };
                Save(key, queued);
                LogThrottled(invocation.FunctionName, invocation.RequestId, delay.TotalSeconds);
                if (!await WaitAsync(delay, token).ConfigureAwait(false))
                {
                    return;
                }

                continue;
            }
            catch (AwsServiceException e)
            {
                // Deleted: nothing to retry against, and no configuration left to name a dead-letter target.
                LogDropped(invocation.FunctionName, invocation.RequestId, e.Code, e.Message);
                Done(key);
                return;
            }

            if (result.Succeeded)
            {
                Done(key);
                return;
            }

            var attempt = queued.Attempts;
            if (attempt >= _options.AsyncRetryAttempts)
            {
                var error = System.Text.Encoding.UTF8.GetString(result.Payload);
                LogGaveUp(invocation.FunctionName, invocation.RequestId, attempt + 1, error);
                await FailAsync(key, new FailedEvent(invocation, attempt + 1, 200, error), token).ConfigureAwait(false);
                return;
            }

            delay = _options.AsyncRetryDelay * Math.Pow(2, attempt);
            queued = queued with { Attempts = attempt + 1, NextAttemptAt = _time.GetUtcNow() + delay };
            Save(key, queued);
            LogRetrying(invocation.FunctionName, invocation.RequestId, attempt + 1, delay.TotalSeconds);
            if (!await WaitAsync(delay, token).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    // The event is given up: it goes to the function's dead-letter target, if it has one, and leaves the queue after.
    private async Task FailAsync(string? key, FailedEvent failed, CancellationToken token)
    {
        if (_deadLetter is not null)
        {
            try
            {
                await _deadLetter(failed, token).ConfigureAwait(false);
            }
            catch (Exception) when (token.IsCancellationRequested)
            {
                // Stopping: the event stays queued, and is given up again after the next start.
                return;
            }
            catch (AwsServiceException e)
            {
                // As in Lambda (its DeadLetterErrors metric): the event is lost, and says so.
                LogDeadLetterFailed(failed.Invocation.FunctionName, failed.Invocation.RequestId, e.Code, e.Message);
            }
        }

        Done(key);
    }

    private void Save(string? key, QueuedEvent queued)
    {
        if (key is not null)
        {
            _queue!.Update(key, queued);
        }
    }

    private async Task<bool> WaitAsync(TimeSpan delay, CancellationToken token)
    {
        try
        {
            await Task.Delay(delay, _time, token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Done(string? key)
    {
        if (key is not null)
        {
            _queue!.Remove(key);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Lambda {FunctionName}: event {RequestId} failed {Attempts} times, its retries are spent: {Error}")]
    private partial void LogGaveUp(string functionName, string requestId, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lambda {FunctionName}: event {RequestId} dropped: {Code}: {Message}")]
    private partial void LogDropped(string functionName, string requestId, string code, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lambda {FunctionName}: event {RequestId} given up after {Attempts} attempts: older than the maximum event age of {Seconds} s")]
    private partial void LogExpired(string functionName, string requestId, int attempts, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lambda {FunctionName}: event {RequestId} throttled, trying again in {Seconds} s")]
    private partial void LogThrottled(string functionName, string requestId, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lambda {FunctionName}: event {RequestId} could not be sent to its dead-letter target: {Code}: {Message}")]
    private partial void LogDeadLetterFailed(string functionName, string requestId, string code, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lambda: resumed {Count} event invocation(s) accepted before the last stop, from {Directory}")]
    private partial void LogResumed(int count, string directory);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lambda: an Event invocation in the queue cannot be read and is set aside: {Problem}")]
    private partial void LogUnreadable(string problem);
}

/// <summary>An asynchronous invocation as queued: every attempt runs under the same request id, as in Lambda.</summary>
internal sealed record EventInvocation(string FunctionName, string RequestId, ReadOnlyMemory<byte> Payload, string TraceId);

/// <summary>An Event invocation given up, as its dead-letter message describes it.</summary>
/// <param name="Attempts">Attempts the function ran.</param>
/// <param name="ErrorCode">Lambda's <c>ErrorCode</c> attribute: the status of the last attempt (200 for a function error).</param>
/// <param name="ErrorMessage">The last error: the function's error document, or why the event was not tried again.</param>
internal sealed record FailedEvent(EventInvocation Invocation, int Attempts, int ErrorCode, string ErrorMessage);

/// <summary>
/// An accepted Event invocation as kept in <c>&lt;data&gt;/lambda/events.queue/</c> until it is done: the invocation,
/// when it was accepted (for the maximum event age) and how far its retries got.
/// </summary>
/// <param name="Attempts">Attempts that ended in a function error.</param>
/// <param name="NextAttemptAt">When the next retry is due; null for the first attempt.</param>
/// <param name="Throttles">Attempts the function's concurrency refused; they do not count as <paramref name="Attempts"/>.</param>
internal sealed record QueuedEvent(
    string FunctionName,
    string RequestId,
    byte[] Payload,
    string TraceId,
    DateTimeOffset AcceptedAt,
    int Attempts = 0,
    DateTimeOffset? NextAttemptAt = null,
    int Throttles = 0);

/// <summary>The files of the Event invocation queue.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(QueuedEvent))]
internal sealed partial class EventQueueJsonContext : JsonSerializerContext;
