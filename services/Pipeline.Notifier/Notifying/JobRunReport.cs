using Pipeline.Aws.Glue;
using Pipeline.Contracts.Aws.EventBridge;

namespace Pipeline.Notifier.Notifying;

/// <summary>Everything a notification says about one finished job run.</summary>
public sealed record JobRunReport(
    string Dataset,
    string JobName,
    string RunId,
    GlueJobRunState State,
    JobRun Run,
    string SummaryLocation,
    RunSummary? Summary,
    string? SummaryProblem,
    string LogUrl)
{
    /// <summary>The state as AWS spells it (<c>SUCCEEDED</c>, <c>FAILED</c>, …).</summary>
    public string StateName => State switch
    {
        GlueJobRunState.Starting => "STARTING",
        GlueJobRunState.Running => "RUNNING",
        GlueJobRunState.Stopping => "STOPPING",
        GlueJobRunState.Stopped => "STOPPED",
        GlueJobRunState.Succeeded => "SUCCEEDED",
        GlueJobRunState.Failed => "FAILED",
        GlueJobRunState.Timeout => "TIMEOUT",
        GlueJobRunState.Error => "ERROR",
        GlueJobRunState.Waiting => "WAITING",
        GlueJobRunState.Expired => "EXPIRED",
        _ => State.ToString().ToUpperInvariant(),
    };

    /// <summary>The W3C trace context the runner gave the run (<c>--traceparent</c>), if any.</summary>
    public string? TraceParent => Run.Arguments is { } arguments && arguments.TryGetValue("--traceparent", out var value) ? value : null;
}
