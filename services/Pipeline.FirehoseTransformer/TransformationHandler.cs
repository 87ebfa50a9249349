using System.Buffers;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts.Aws;
using Pipeline.Contracts.Aws.Firehose;
using Pipeline.FirehoseTransformer.Transformation;
using Pipeline.LambdaRuntime;

namespace Pipeline.FirehoseTransformer;

/// <summary>
/// The Lambda handler (<see cref="HandleUtf8Async"/> on the event's bytes, <see cref="HandleAsync"/> typed): decodes the batch, opens a span linked to every producer span its records carry, transforms,
/// logs why each failed record failed and reports the status alerts (<see cref="StatusAlertMetrics"/>, when given).
/// The logic lives in <see cref="FirehoseRecordTransformer"/>.
/// </summary>
public sealed partial class TransformationHandler(
    FirehoseRecordTransformer transformer,
    ILogger<TransformationHandler> logger,
    StatusAlertMetrics? statusAlerts = null)
{
    // The response of the bytes path is written here and stays valid until the next invocation: the runtime posts it
    // before it asks for the next event, so one buffer serves every invocation.
    private readonly ArrayBufferWriter<byte> _response = new(64 * 1024);
    private Func<ReadOnlyMemory<byte>, LambdaContext, CancellationToken, Task<ReadOnlyMemory<byte>>>? _typed;

    /// <summary>
    /// The function's entry point: the event's bytes in, the response's bytes out (valid until the next call). A
    /// Firehose event is read, decoded, normalised and answered without a string or an object per record
    /// (<see cref="FirehoseEventReader"/>); an event that path does not read exactly as the deserializer would (and
    /// every malformed one) goes through <see cref="HandleAsync"/> and the source-generated serializer, as before.
    /// </summary>
    public Task<ReadOnlyMemory<byte>> HandleUtf8Async(ReadOnlyMemory<byte> body, LambdaContext context, CancellationToken cancellationToken)
    {
        if (!FirehoseEventReader.TryRead(body, out var batch))
        {
            _typed ??= TypedHandler.Wrap(HandleAsync, AwsEventsJson.Context.FirehoseTransformationEvent, AwsEventsJson.Context.FirehoseTransformationResponse);
            return _typed(body, context, cancellationToken);
        }

        using (batch)
        {
            using var activity = StartActivity(batch!.DistinctTraceContexts(), batch.DeliveryStreamArn, context, batch.Records.Count);
            _response.ResetWrittenCount();
            var outcome = transformer.Transform(batch, _response);
            Report(activity, outcome.Records, outcome.Failures, outcome.ResponseBytes, outcome.StatusAlerts, batch.DeliveryStreamArn);
            return Task.FromResult(_response.WrittenMemory);
        }
    }

    /// <summary>The typed handler: tests, and the events the bytes path leaves to the deserializer.</summary>
    public Task<FirehoseTransformationResponse> HandleAsync(FirehoseTransformationEvent invocation, LambdaContext context, CancellationToken cancellationToken)
    {
        using var batch = FirehoseRecordTransformer.Decode(invocation);
        using var activity = StartActivity(batch.DistinctTraceContexts(), invocation.DeliveryStreamArn, context, invocation.Records.Count);
        var outcome = transformer.Transform(batch);
        Report(activity, invocation.Records.Count, outcome.Failures, outcome.ResponseBytes, outcome.StatusAlerts, invocation.DeliveryStreamArn);
        return Task.FromResult(outcome.Response);
    }

    private static Activity? StartActivity(IReadOnlyList<ActivityContext> producers, string stream, LambdaContext context, int records)
    {
        var activity = TransformerTelemetry.Source.StartActivity(
            "FirehoseTransformer transform",
            ActivityKind.Consumer,
            Activity.Current?.Context ?? default,
            links: producers.Select(c => new ActivityLink(c)));
        activity?.SetTag("aws.firehose.delivery_stream", stream);
        activity?.SetTag("faas.invocation_id", context.AwsRequestId);
        activity?.SetTag("messaging.batch.message_count", records);
        return activity;
    }

    private void Report(Activity? activity, int records, IReadOnlyList<RecordFailure> failures, int responseBytes, StatusAlertCounts? statusAlertCounts, string stream)
    {
        foreach (var failure in failures)
        {
            LogRecordFailed(failure.RecordId, failure.Reason);
        }

        var failed = failures.Count;
        var ok = records - failed;
        TransformerTelemetry.Records.Add(ok, new KeyValuePair<string, object?>("result", nameof(FirehoseRecordResult.Ok)));
        TransformerTelemetry.Records.Add(failed, new KeyValuePair<string, object?>("result", nameof(FirehoseRecordResult.ProcessingFailed)));
        activity?.SetTag("pipeline.records.ok", ok);
        activity?.SetTag("pipeline.records.failed", failed);
        activity?.SetTag("pipeline.response.bytes", responseBytes);
        LogInvocation(records, ok, failed, stream);

        if (statusAlertCounts is { Total: > 0 } alerts)
        {
            activity?.SetTag("pipeline.status_alerts", alerts.Total);
            statusAlerts?.Record(alerts);
            LogStatusAlerts(alerts.Total, alerts.Dataset, string.Join(", ", alerts.Counts.Select(c => $"{c.Status} {c.Group}: {c.Records}")));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Record {RecordId} failed: {Reason}")]
    private partial void LogRecordFailed(string recordId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Transformed {Count} records from {Stream}: {Ok} ok, {Failed} failed")]
    private partial void LogInvocation(int count, int ok, int failed, string stream);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} {Dataset} records with an alerting status ({Counts})")]
    private partial void LogStatusAlerts(int count, string dataset, string counts);
}
