using System.Diagnostics;
using Pipeline.Contracts.Aws.EventBridge;
using Pipeline.EtlJobRunner.Running;
using Pipeline.LambdaRuntime;
using Pipeline.ServiceDefaults.Tracing;

namespace Pipeline.EtlJobRunner;

/// <summary>
/// The Lambda handler: one span per crawler event, whose context travels to the Glue job as <c>--traceparent</c>
/// so the job and the notifier continue this trace. The logic lives in <see cref="EtlJobStarter"/>.
/// </summary>
public sealed class EtlJobRunnerHandler(EtlJobStarter starter)
{
    public async Task<RunnerOutcome> HandleAsync(EventBridgeEvent<GlueCrawlerStateChange> invocation, LambdaContext context, CancellationToken cancellationToken)
    {
        using var activity = EtlJobRunnerTelemetry.Source.StartActivity("EtlJobRunner start job", ActivityKind.Consumer);
        activity?.SetTag("faas.invocation_id", context.AwsRequestId);
        activity?.SetTag("aws.glue.crawler", invocation.Detail?.CrawlerName);
        activity?.SetTag("pipeline.source_event_id", invocation.Id);
        var traceParent = activity is null ? TraceParent.FromCurrent() : TraceParent.Format(activity.Context);
        try
        {
            var outcome = await starter.HandleAsync(invocation, traceParent, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("pipeline.action", outcome.Action.ToString());
            activity?.SetTag("aws.glue.job_run_id", outcome.JobRunId);
            EtlJobRunnerTelemetry.Events.Add(1, new KeyValuePair<string, object?>("action", outcome.Action.ToString()));
            return outcome;
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            activity?.AddException(e);
            EtlJobRunnerTelemetry.Events.Add(1, new KeyValuePair<string, object?>("action", "failed"));
            throw;
        }
    }
}
