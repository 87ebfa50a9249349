using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts.Aws.Firehose;
using Pipeline.FirehoseTransformer.Transformation;
using Pipeline.LambdaRuntime;

namespace Pipeline.FirehoseTransformer;

/// <summary>
/// The Lambda handler: decodes the batch, opens a span linked to every producer span its records carry, transforms,
/// logs why each failed record failed and reports the status alerts (<see cref="StatusAlertMetrics"/>, when given).
/// The logic lives in <see cref="FirehoseRecordTransformer"/>.
/// </summary>
public sealed partial class TransformationHandler(
    FirehoseRecordTransformer transformer,
    ILogger<TransformationHandler> logger,
    StatusAlertMetrics? statusAlerts = null)
{
    public Task<FirehoseTransformationResponse> HandleAsync(FirehoseTransformationEvent invocation, LambdaContext context, CancellationToken cancellationToken)
    {
        using var batch = FirehoseRecordTransformer.Decode(invocation);
        var links = batch.DistinctTraceContexts().Select(c => new ActivityLink(c));
        using var activity = TransformerTelemetry.Source.StartActivity(
            "FirehoseTransformer transform",
            ActivityKind.Consumer,
            Activity.Current?.Context ?? default,
            links: links);
        activity?.SetTag("aws.firehose.delivery_stream", invocation.DeliveryStreamArn);
        activity?.SetTag("faas.invocation_id", context.AwsRequestId);
        activity?.SetTag("messaging.batch.message_count", invocation.Records.Count);

        var outcome = transformer.Transform(batch);

        foreach (var failure in outcome.Failures)
        {
            LogRecordFailed(failure.RecordId, failure.Reason);
        }

        var failed = outcome.Failures.Count;
        var ok = invocation.Records.Count - failed;
        TransformerTelemetry.Records.Add(ok, new KeyValuePair<string, object?>("result", nameof(FirehoseRecordResult.Ok)));
        TransformerTelemetry.Records.Add(failed, new KeyValuePair<string, object?>("result", nameof(FirehoseRecordResult.ProcessingFailed)));
        activity?.SetTag("pipeline.records.ok", ok);
        activity?.SetTag("pipeline.records.failed", failed);
        activity?.SetTag("pipeline.response.bytes", outcome.ResponseBytes);
        LogInvocation(invocation.Records.Count, ok, failed, invocation.DeliveryStreamArn);

        if (outcome.StatusAlerts is { Total: > 0 } alerts)
        {
            activity?.SetTag("pipeline.status_alerts", alerts.Total);
            statusAlerts?.Record(alerts);
            LogStatusAlerts(alerts.Total, alerts.Dataset, string.Join(", ", alerts.Counts.Select(c => $"{c.Status} {c.Group}: {c.Records}")));
        }

        return Task.FromResult(outcome.Response);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Record {RecordId} failed: {Reason}")]
    private partial void LogRecordFailed(string recordId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Transformed {Count} records from {Stream}: {Ok} ok, {Failed} failed")]
    private partial void LogInvocation(int count, int ok, int failed, string stream);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} {Dataset} records with an alerting status ({Counts})")]
    private partial void LogStatusAlerts(int count, string dataset, string counts);
}
