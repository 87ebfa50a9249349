namespace Pipeline.LocalCloud.Lambda.Execution;

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
