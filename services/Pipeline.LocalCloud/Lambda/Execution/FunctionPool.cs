using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.Lambda.Functions;

namespace Pipeline.LocalCloud.Lambda.Execution;

/// <summary>
/// The execution environments of one function: processes started on demand and kept warm, up to the function's
/// concurrency; beyond it invocations queue. Every invocation ends exactly once: answered, timed out (the process is
/// killed), crashed (<c>Runtime.ExitError</c>), or failed at start; none waits forever.
/// </summary>
/// <remarks>All state changes happen under one lock; processes are started and stopped outside it.</remarks>
internal sealed partial class FunctionPool : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly LinkedList<PendingInvocation> _queue = new();
    private readonly List<FunctionProcess> _processes = [];
    private readonly FunctionStore _store;
    private readonly LambdaOptions _options;
    private readonly TimeProvider _time;
    private readonly Func<string> _endpointUrl;
    private readonly IReadOnlyDictionary<string, string> _hostEnvironment;
    private readonly ILogger _logger;
    private readonly FunctionOutput _output;
    private FunctionDefinition _definition;
    private int _generation;
    private int _sequence;
    private Func<Exception>? _closed;
    private ITimer? _recheck;

    public FunctionPool(
        FunctionDefinition definition,
        FunctionStore store,
        LambdaOptions options,
        TimeProvider time,
        Func<string> endpointUrl,
        IReadOnlyDictionary<string, string> hostEnvironment,
        ILogger logger,
        FunctionOutput output)
    {
        _definition = definition;
        _store = store;
        _options = options;
        _time = time;
        _endpointUrl = endpointUrl;
        _hostEnvironment = hostEnvironment;
        _logger = logger;
        _output = output;
    }

    public FunctionDefinition Definition
    {
        get
        {
            lock (_gate)
            {
                return _definition;
            }
        }
    }

    /// <summary>How many processes the pool has started in its life.</summary>
    public int ProcessesStarted
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    /// <summary>The OS process ids of the pool's live processes.</summary>
    public IReadOnlyList<int> ProcessIds
    {
        get
        {
            lock (_gate)
            {
                return [.. _processes.Where(p => p.ProcessId is not null).Select(p => p.ProcessId!.Value)];
            }
        }
    }

    private int Limit => _definition.ReservedConcurrentExecutions ?? Math.Max(1, _options.DefaultConcurrency);

    /// <summary>Runs the invocation; the caller's cancellation stops the wait, not a process already running it.</summary>
    public async Task<FunctionInvocationResult> InvokeAsync(PendingInvocation invocation, CancellationToken cancellationToken)
    {
        List<FunctionProcess>? starting;
        lock (_gate)
        {
            if (_closed is not null)
            {
                throw _closed();
            }

            if (Limit == 0)
            {
                throw LambdaErrors.Throttled();
            }

            invocation.EnqueuedAt = _time.GetUtcNow();
            _queue.AddLast(invocation);
            starting = Dispatch();
        }

        Launch(starting);
        using var registration = cancellationToken.Register(
            static (state, token) => ((PendingInvocation)state!).TryCancel(token), invocation);
        return await invocation.Completion.ConfigureAwait(false);
    }

    /// <summary>
    /// A new definition. A change of code or environment retires the processes (idle ones now, busy ones after their
    /// invocation), so the next invocation runs the new configuration; a change of concurrency or description does not.
    /// </summary>
    public void Update(FunctionDefinition definition)
    {
        List<FunctionProcess> retired = [];
        List<FunctionProcess>? starting;
        lock (_gate)
        {
            if (_closed is not null || definition.RevisionId == _definition.RevisionId)
            {
                return;
            }

            if (!FunctionDefinitionComparer.RunsTheSame(_definition, definition))
            {
                _generation++;
                retired = [.. _processes.Where(p => p.State == ProcessState.Idle)];
                foreach (var process in retired)
                {
                    process.State = ProcessState.Stopping;
                    process.Waiter = null;
                }
            }

            _definition = definition;
            starting = Dispatch();
        }

        Launch(starting);
        foreach (var process in retired)
        {
            _ = StopProcessAsync(process);
        }
    }

    /// <summary>
    /// Ends the pool: waiting and running invocations fail with <paramref name="reason"/>, every process is stopped
    /// (SIGTERM, then SIGKILL after the grace period), and later invocations throw it.
    /// </summary>
    public async Task CloseAsync(Func<Exception> reason)
    {
        List<FunctionProcess> processes;
        List<PendingInvocation> orphaned;
        lock (_gate)
        {
            if (_closed is not null)
            {
                return;
            }

            _closed = reason;
            _recheck?.Dispose();
            orphaned = [.. _queue];
            _queue.Clear();
            processes = [.. _processes];
            foreach (var process in processes)
            {
                orphaned.AddRange(new[] { process.Reserved, process.Current }.OfType<PendingInvocation>());
                process.Reserved = null;
                process.Current = null;
                process.Waiter = null;
                process.State = ProcessState.Stopping;
            }
        }

        foreach (var invocation in orphaned)
        {
            invocation.TryFail(reason());
        }

        await Task.WhenAll(processes.Select(StopProcessAsync)).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => new(CloseAsync(LambdaErrors.ShuttingDown));

    /// <summary><c>GET /next</c>: the process's reserved invocation, a queued one, or the next to arrive.</summary>
    /// <returns>Null when the request was aborted or the process is being stopped (then only once it is aborted).</returns>
    internal async Task<PendingInvocation?> NextAsync(FunctionProcess process, CancellationToken aborted)
    {
        Task<PendingInvocation>? waiting = null;
        List<FunctionProcess>? starting = null;
        var retire = false;
        lock (_gate)
        {
            process.StopInitClock();
            if (process.Current is { } unanswered)
            {
                process.Current = null;
                unanswered.TryComplete(FunctionErrors.NoResponse(unanswered.RequestId));
            }

            if (process.State is ProcessState.Stopping or ProcessState.Exited || _closed is not null)
            {
                // Nothing more for it; it is being stopped, which aborts this request.
            }
            else if (process.Reserved is { } reserved && !reserved.IsCompleted)
            {
                process.Reserved = null;
                Hand(process, reserved);
                return reserved;
            }
            else if (process.Generation != _generation)
            {
                process.Reserved = null;
                process.State = ProcessState.Stopping;
                retire = true;
                starting = Dispatch();
            }
            else
            {
                process.Reserved = null;
                process.State = ProcessState.Idle;
                process.Waiter = new TaskCompletionSource<PendingInvocation>(TaskCreationOptions.RunContinuationsAsynchronously);
                waiting = process.Waiter.Task;
                starting = Dispatch();
            }
        }

        Launch(starting);
        if (retire)
        {
            _ = StopProcessAsync(process);
        }

        try
        {
            if (waiting is null)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, aborted).ConfigureAwait(false);
                return null;
            }

            return await waiting.WaitAsync(aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            if (waiting is not null)
            {
                Abandon(process, waiting);
            }

            return null;
        }
    }

    /// <summary>A <c>/response</c> or <c>/error</c> for <paramref name="requestId"/>.</summary>
    internal RuntimeAnswer Answer(FunctionProcess process, string requestId, FunctionInvocationResult result)
    {
        lock (_gate)
        {
            if (process.Current is { } current && current.RequestId == requestId)
            {
                process.Current = null;
                process.LastAnswered = requestId;
                current.TryComplete(result);
                return RuntimeAnswer.Accepted;
            }

            return process.LastAnswered == requestId ? RuntimeAnswer.AlreadyAnswered : RuntimeAnswer.UnknownRequest;
        }
    }

    /// <summary><c>/init/error</c>: the invocation that caused the cold start fails with the runtime's error; the process is stopped.</summary>
    internal void InitFailed(FunctionProcess process, FunctionInvocationResult error)
    {
        List<FunctionProcess>? starting;
        lock (_gate)
        {
            var invocation = process.Reserved ?? process.Current;
            process.Reserved = null;
            process.Current = null;
            process.Waiter = null;
            process.State = ProcessState.Stopping;
            invocation?.TryComplete(error);
            starting = _closed is null ? Dispatch() : null;
        }

        LogInitFailed(_logger, process.Definition.FunctionName, process.Sequence);
        Launch(starting);
        _ = StopProcessAsync(process);
    }

    // Under the lock: hand queued invocations to idle processes, wait briefly for processes about to become idle, and
    // start processes while under the limit.
    private List<FunctionProcess>? Dispatch()
    {
        List<FunctionProcess>? starting = null;
        var now = _time.GetUtcNow();
        var active = _processes.Count(p => p.State != ProcessState.Stopping);
        var handoffs = _processes.Count(p => p.State == ProcessState.Busy && p.Current is null && p.Generation == _generation);
        DateTimeOffset? recheck = null;
        var node = _queue.First;
        while (node is not null)
        {
            var next = node.Next;
            var invocation = node.Value;
            if (invocation.IsCompleted)
            {
                _queue.Remove(node);
                node = next;
                continue;
            }

            var idle = _processes.FirstOrDefault(p => p.State == ProcessState.Idle && p.Waiter is not null && p.Generation == _generation);
            if (idle is not null)
            {
                _queue.Remove(node);
                Hand(idle, invocation);
                node = next;
                continue;
            }

            var waitUntil = invocation.EnqueuedAt + _options.WarmHandoffWait;
            if (handoffs > 0 && now < waitUntil)
            {
                // A process has just answered and is about to ask for more: worth a moment before a cold start.
                handoffs--;
                recheck = recheck is { } earlier && earlier < waitUntil ? earlier : waitUntil;
                node = next;
                continue;
            }

            if (active >= Limit)
            {
                break;
            }

            _queue.Remove(node);
            var process = new FunctionProcess(++_sequence, _definition, _generation, invocation, ProcessEnvironment.NewLogStreamName(_time));
            _processes.Add(process);
            active++;
            (starting ??= []).Add(process);
            node = next;
        }

        if (recheck is { } due)
        {
            _recheck?.Dispose();
            _recheck = _time.CreateTimer(static state => ((FunctionPool)state!).Recheck(), this, due - now, Timeout.InfiniteTimeSpan);
        }

        return starting;
    }

    private void Recheck()
    {
        List<FunctionProcess>? starting;
        lock (_gate)
        {
            starting = _closed is null ? Dispatch() : null;
        }

        Launch(starting);
    }

    // Under the lock.
    private void Hand(FunctionProcess process, PendingInvocation invocation)
    {
        process.State = ProcessState.Busy;
        process.Current = invocation;
        var timeout = TimeSpan.FromSeconds(process.Definition.Timeout);
        invocation.StartClock(_time, timeout, () => TimedOut(process, invocation, timeout));
        var waiter = process.Waiter;
        process.Waiter = null;
        waiter?.TrySetResult(invocation);
    }

    // The /next request went away (the process is dying, or its connection broke) while waiting or just handed work.
    private void Abandon(FunctionProcess process, Task<PendingInvocation> waiting)
    {
        List<FunctionProcess>? starting = null;
        lock (_gate)
        {
            if (process.Waiter?.Task == waiting)
            {
                process.Waiter = null;
                return;
            }

            if (waiting.IsCompletedSuccessfully && process.Current == waiting.Result)
            {
                // Handed but never delivered: it goes back to the front of the queue for another process.
                var invocation = waiting.Result;
                process.Current = null;
                invocation.StopClock();
                if (!invocation.IsCompleted && _closed is null)
                {
                    _queue.AddFirst(invocation);
                    starting = Dispatch();
                }
            }
        }

        Launch(starting);
    }

    private void TimedOut(FunctionProcess process, PendingInvocation invocation, TimeSpan timeout)
    {
        List<FunctionProcess>? starting;
        lock (_gate)
        {
            if (process.Current != invocation)
            {
                return;
            }

            process.Current = null;
            process.State = ProcessState.Stopping;
            invocation.TryComplete(FunctionErrors.TimedOut(timeout));
            starting = _closed is null ? Dispatch() : null;
        }

        LogTimedOut(_logger, process.Definition.FunctionName, invocation.RequestId, timeout.TotalSeconds, process.Sequence);

        // As in CloudWatch Logs: the function's own log says why its invocation ended.
        _output.Write(process.Definition.FunctionName, process.LogStreamName, FunctionErrors.TimedOutLogLine(invocation.RequestId, timeout));
        Launch(starting);

        // Lambda ends the environment of a timed-out invocation; the next invocation gets a fresh one.
        process.Kill();
    }

    private void InitTimedOut(FunctionProcess process, TimeSpan timeout)
    {
        List<FunctionProcess>? starting;
        PendingInvocation? invocation;
        lock (_gate)
        {
            if (process.State != ProcessState.Starting)
            {
                return;
            }

            invocation = process.Reserved;
            process.Reserved = null;
            process.State = ProcessState.Stopping;
            invocation?.TryComplete(FunctionErrors.TimedOut(timeout));
            starting = _closed is null ? Dispatch() : null;
        }

        LogInitTimedOut(_logger, process.Definition.FunctionName, process.Sequence, timeout.TotalSeconds);
        Launch(starting);
        process.Kill();
    }

    private void Launch(List<FunctionProcess>? starting)
    {
        if (starting is null)
        {
            return;
        }

        foreach (var process in starting)
        {
            _ = LaunchAsync(process);
        }
    }

    private async Task LaunchAsync(FunctionProcess process)
    {
        // Off the caller's thread: the caller may hold no lock, but it should not wait for a process to start either.
        await Task.Yield();
        var name = process.Definition.FunctionName;
        var handler = new RuntimeApiHandler(this, process);
        try
        {
            await process.StartAsync(
                runtimeApi => new ProcessLaunch(_store.CodeDirectory(name), runtimeApi, _store.Region, _endpointUrl(), process.LogStreamName),
                handler.HandleAsync,
                _hostEnvironment,
                _output,
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            process.MarkLaunched();
            await StartFailedAsync(process, e).ConfigureAwait(false);
            return;
        }

        process.MarkLaunched();
        LogStarted(_logger, name, process.Sequence, process.ProcessId ?? 0, process.RuntimeApiAddress ?? "");
        var initTimeout = _options.InitTimeout + TimeSpan.FromSeconds(process.Definition.Timeout);
        process.StartInitClock(_time, initTimeout, () => InitTimedOut(process, initTimeout));
        _ = WatchAsync(process);
    }

    private async Task StartFailedAsync(FunctionProcess process, Exception exception)
    {
        List<FunctionProcess>? starting;
        PendingInvocation? invocation;
        lock (_gate)
        {
            _processes.Remove(process);
            process.State = ProcessState.Exited;
            invocation = process.Reserved;
            process.Reserved = null;
            starting = _closed is null ? Dispatch() : null;
        }

        LogStartFailed(_logger, exception, process.Definition.FunctionName, process.Sequence);
        invocation?.TryComplete(FunctionErrors.InvalidEntrypoint(
            invocation.RequestId,
            $"fork/exec {Path.Combine(_store.CodeDirectory(process.Definition.FunctionName), CodePackage.Bootstrap)}: {exception.Message}"));
        Launch(starting);
        await process.DisposeAsync().ConfigureAwait(false);
    }

    private async Task WatchAsync(FunctionProcess process)
    {
        var exitCode = await process.Exited.ConfigureAwait(false);
        List<FunctionProcess>? starting;
        PendingInvocation? invocation;
        bool expected;
        lock (_gate)
        {
            _processes.Remove(process);
            expected = process.State == ProcessState.Stopping;
            process.State = ProcessState.Exited;
            invocation = process.Current ?? process.Reserved;
            process.Current = null;
            process.Reserved = null;
            process.Waiter = null;
            starting = _closed is null ? Dispatch() : null;
        }

        if (invocation is not null && invocation.TryComplete(FunctionErrors.ExitError(invocation.RequestId, exitCode)))
        {
            LogCrashed(_logger, process.Definition.FunctionName, process.Sequence, FunctionErrors.DescribeExit(exitCode), invocation.RequestId);
            _output.Write(process.Definition.FunctionName, process.LogStreamName, FunctionErrors.ExitMessage(invocation.RequestId, exitCode));
            _output.Write(process.Definition.FunctionName, process.LogStreamName, FunctionErrors.ExitErrorType);
        }
        else if (!expected)
        {
            LogExited(_logger, process.Definition.FunctionName, process.Sequence, FunctionErrors.DescribeExit(exitCode));
        }

        Launch(starting);
        await process.DisposeAsync().ConfigureAwait(false);
    }

    private async Task StopProcessAsync(FunctionProcess process)
    {
        try
        {
            await process.StopAsync(_options.ShutdownGracePeriod).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Stopping is best effort and must never fail LocalCloud's own shutdown.
            LogStopFailed(_logger, e, process.Definition.FunctionName, process.Sequence);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Lambda {FunctionName}: process #{Sequence} started (pid {Pid}, Runtime API {RuntimeApi})")]
    private static partial void LogStarted(ILogger logger, string functionName, int sequence, int pid, string runtimeApi);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lambda {FunctionName}: process #{Sequence} could not be started")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, string functionName, int sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lambda {FunctionName}: process #{Sequence} could not be stopped cleanly")]
    private static partial void LogStopFailed(ILogger logger, Exception exception, string functionName, int sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lambda {FunctionName}: invocation {RequestId} timed out after {Seconds} s; process #{Sequence} is killed")]
    private static partial void LogTimedOut(ILogger logger, string functionName, string requestId, double seconds, int sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lambda {FunctionName}: process #{Sequence} did not ask for an invocation within {Seconds} s; it is killed")]
    private static partial void LogInitTimedOut(ILogger logger, string functionName, int sequence, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lambda {FunctionName}: process #{Sequence} reported an init error")]
    private static partial void LogInitFailed(ILogger logger, string functionName, int sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lambda {FunctionName}: process #{Sequence} exited ({Exit}) during invocation {RequestId}")]
    private static partial void LogCrashed(ILogger logger, string functionName, int sequence, string exit, string requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lambda {FunctionName}: process #{Sequence} exited ({Exit})")]
    private static partial void LogExited(ILogger logger, string functionName, int sequence, string exit);
}
