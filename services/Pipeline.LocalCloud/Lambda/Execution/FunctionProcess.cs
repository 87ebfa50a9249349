using System.ComponentModel;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.Lambda.Functions;
using Pipeline.LocalCloud.Processes;

namespace Pipeline.LocalCloud.Lambda.Execution;

/// <summary>
/// One execution environment: a <c>bootstrap</c> process and the Runtime API listener dedicated to it. Its state
/// (<see cref="State"/>, the invocation it holds or waits for) belongs to its <see cref="FunctionPool"/> and changes
/// only under the pool's lock; this class runs the OS process and forwards its output.
/// </summary>
internal sealed partial class FunctionProcess : IAsyncDisposable
{
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _launched = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;
    private RuntimeApiListener? _listener;
    private ITimer? _initTimer;

    public FunctionProcess(int sequence, FunctionDefinition definition, int generation, PendingInvocation? reserved, string logStreamName)
    {
        Sequence = sequence;
        Definition = definition;
        Generation = generation;
        Reserved = reserved;
        LogStreamName = logStreamName;
    }

    /// <summary>1 for the pool's first process, and so on: names the process in logs.</summary>
    public int Sequence { get; }

    /// <summary>The configuration the process was started with.</summary>
    public FunctionDefinition Definition { get; }

    /// <summary>The pool's configuration generation at start; an older one retires at its next <c>/next</c>.</summary>
    public int Generation { get; }

    public string LogStreamName { get; }

    public ProcessState State { get; set; } = ProcessState.Starting;

    /// <summary>The invocation that caused this cold start; it is the process's first, or fails with its init.</summary>
    public PendingInvocation? Reserved { get; set; }

    /// <summary>The invocation handed out by <c>/next</c> and not yet answered.</summary>
    public PendingInvocation? Current { get; set; }

    /// <summary>The last invocation answered, so a runtime's error after a 413 is taken quietly.</summary>
    public string? LastAnswered { get; set; }

    /// <summary>Completed with an invocation when the pool hands one to a waiting <c>/next</c>.</summary>
    public TaskCompletionSource<PendingInvocation>? Waiter { get; set; }

    public int? ProcessId { get; private set; }

    /// <summary>The exit code once the OS process has ended (128 + N when signal N ended it).</summary>
    public Task<int> Exited => _exited.Task;

    public string? RuntimeApiAddress => _listener?.Address;

    /// <summary>Starts the Runtime API listener, then the process, with the environment Lambda would give it.</summary>
    /// <exception cref="Win32Exception">The bootstrap could not be executed.</exception>
    public async Task StartAsync(
        Func<string, ProcessLaunch> launchFor,
        RequestDelegate runtimeApi,
        IReadOnlyDictionary<string, string> hostEnvironment,
        FunctionOutput output,
        CancellationToken cancellationToken)
    {
        _listener = await RuntimeApiListener.StartAsync(runtimeApi, cancellationToken).ConfigureAwait(false);
        var launch = launchFor(_listener.Address);
        var start = new ProcessStartInfo(Path.Combine(launch.CodeDirectory, CodePackage.Bootstrap))
        {
            WorkingDirectory = launch.CodeDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Clear();
        foreach (var (name, value) in ProcessEnvironment.Build(Definition, launch, hostEnvironment))
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var function = Definition.FunctionName;
        DataReceivedEventHandler forward = (_, e) =>
        {
            if (e.Data is { } line)
            {
                output.Write(function, LogStreamName, line);
            }
        };
        process.OutputDataReceived += forward;
        process.ErrorDataReceived += forward;
        process.Exited += (_, _) => _exited.TrySetResult(ExitCodeOf(process));
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            throw;
        }

        _process = process;
        ProcessId = process.Id;

        // Lambda's stdin is empty; an inherited terminal would let a function steal the developer's keystrokes.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The launch is over, started or failed: from here on <see cref="StopAsync"/> knows whether there is a process.</summary>
    public void MarkLaunched() => _launched.TrySetResult();

    /// <summary>Fires <paramref name="onTimeout"/> if the process has not asked for work within <paramref name="timeout"/>.</summary>
    public void StartInitClock(TimeProvider time, TimeSpan timeout, Action onTimeout) =>
        _initTimer = time.CreateTimer(static state => ((Action)state!)(), onTimeout, timeout, Timeout.InfiniteTimeSpan);

    public void StopInitClock() => _initTimer?.Dispose();

    /// <summary>SIGKILL for the process and everything it started, as Lambda ends a timed-out environment.</summary>
    public void Kill() => ProcessTree.Kill(_process);

    /// <summary>SIGTERM to the process and its descendants, then SIGKILL to whatever is left after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        try
        {
            // A process stopped while it is still being launched is stopped once it runs, never orphaned.
            await _launched.Task.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Kill();
            return;
        }

        if (ProcessId is not { } root || Exited.IsCompleted)
        {
            return;
        }

        await ProcessTree.StopAsync(root, Exited, grace, Kill).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        StopInitClock();
        if (_listener is { } listener)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }

        _process?.Dispose();
    }

    private static int ExitCodeOf(Process process)
    {
        try
        {
            return process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }
}

/// <summary>Where a function process is in its life, as its pool sees it.</summary>
internal enum ProcessState
{
    /// <summary>Started (or starting) and not yet asking for an invocation: Lambda's init phase.</summary>
    Starting,

    /// <summary>Asking for an invocation (<c>/next</c>) or between invocations: can be given work.</summary>
    Idle,

    /// <summary>Holding an invocation, or between answering one and asking for the next.</summary>
    Busy,

    /// <summary>Being stopped (timed out, failed, retired by a configuration change, or shutting down): no more work.</summary>
    Stopping,

    /// <summary>The OS process has ended.</summary>
    Exited,
}
