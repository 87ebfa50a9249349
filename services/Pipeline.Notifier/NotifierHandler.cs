using System.Diagnostics;
using Pipeline.Contracts.Aws.EventBridge;
using Pipeline.LambdaRuntime;
using Pipeline.Notifier.Notifying;
using Pipeline.ServiceDefaults.Tracing;

namespace Pipeline.Notifier;

/// <summary>
/// The Lambda handler. The job run carries the trace the ETL runner started (<c>--traceparent</c>), so the span that
/// publishes the notification is a child of it, linked to the invocation's own span; the logic is <see cref="JobNotifier"/>.
/// </summary>
public sealed class NotifierHandler(JobNotifier notifier)
{
    public async Task<NotifierOutcome> HandleAsync(EventBridgeEvent<GlueJobStateChange> invocation, LambdaContext context, CancellationToken cancellationToken)
    {
        JobRunReport? report;
        ActivityContext readContext;
        using (var read = NotifierTelemetry.Source.StartActivity("Notifier read job run", ActivityKind.Consumer))
        {
            read?.SetTag("faas.invocation_id", context.AwsRequestId);
            read?.SetTag("aws.glue.job_name", invocation.Detail?.JobName);
            read?.SetTag("aws.glue.job_run_id", invocation.Detail?.JobRunId);
            readContext = read?.Context ?? Activity.Current?.Context ?? default;
            try
            {
                report = await notifier.ReadAsync(invocation, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                read?.SetStatus(ActivityStatusCode.Error, e.Message);
                read?.AddException(e);
                throw;
            }

            if (report is null)
            {
                read?.SetTag("pipeline.action", nameof(NotifierAction.Ignored));
                return new NotifierOutcome(NotifierAction.Ignored);
            }
        }

        var parent = TraceParent.TryParse(report.TraceParent, out var job) ? job : readContext;
        using var activity = NotifierTelemetry.Source.StartActivity(
            "Notifier publish",
            ActivityKind.Producer,
            parent,
            links: readContext == default || parent == readContext ? null : [new ActivityLink(readContext)]);
        activity?.SetTag("faas.invocation_id", context.AwsRequestId);
        activity?.SetTag("pipeline.dataset", report.Dataset);
        activity?.SetTag("aws.glue.job_run_state", report.StateName);
        NotifierOutcome outcome;
        try
        {
            outcome = await notifier.PublishAsync(report, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            activity?.AddException(e);
            throw;
        }

        activity?.SetTag("messaging.message.id", outcome.MessageId);
        NotifierTelemetry.Notifications.Add(1, new KeyValuePair<string, object?>("state", report.StateName));
        return outcome;
    }
}
