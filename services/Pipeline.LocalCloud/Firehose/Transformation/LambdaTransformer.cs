using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.Firehose.Configuration;
using Pipeline.LocalCloud.Firehose.Delivery;
using Pipeline.LocalCloud.Firehose.Journal;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda;

namespace Pipeline.LocalCloud.Firehose.Transformation;

/// <summary>
/// Runs the stream's transformation Lambda over the records of a delivery: batches bounded by the processor's
/// buffer size and Lambda's 6 MB request limit, each invocation retried NumberOfRetries times with doubling waits,
/// then every record answered (transformed, dropped or failed with the reason). Never throws for a function's
/// fault; only cancellation escapes.
/// </summary>
internal sealed partial class LambdaTransformer(
    Func<IFunctionInvoker> invoker,
    TimeProvider time,
    FirehoseEngineOptions options,
    ILogger<LambdaTransformer> logger)
{
    // {"invocationId":"<36>","deliveryStreamArn":"","region":"","records":[]} and a margin.
    private const int EnvelopeBytes = 160;

    // {"recordId":"","approximateArrivalTimestamp":1234567890123,"data":""}, plus the comma.
    private const int RecordOverheadBytes = 72;

    public async Task<IReadOnlyList<ProcessedRecord>> TransformAsync(
        DeliveryStreamSettings settings,
        IReadOnlyList<JournalRecord> records,
        CancellationToken cancellationToken)
    {
        var results = new List<ProcessedRecord>(records.Count);
        foreach (var batch in Batches(settings, records, options.MaxRecordsPerInvocation))
        {
            results.AddRange(await InvokeAsync(settings, batch, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>
    /// Splits <paramref name="records"/> into invocations: at most the processor's BufferSizeInMBs of record data
    /// (at least one record), never a request over 6 MB once base64 and the JSON envelope are counted.
    /// </summary>
    public static IEnumerable<IReadOnlyList<BatchRecord>> Batches(DeliveryStreamSettings settings, IReadOnlyList<JournalRecord> records, int maxRecords)
    {
        var lambda = settings.Lambda ?? throw new InvalidOperationException("The stream has no Lambda processor.");
        var envelope = EnvelopeBytes + settings.Arn.Length + Region(settings).Length;
        var batch = new List<BatchRecord>();
        long dataBytes = 0;
        long payloadBytes = envelope;
        foreach (var record in records)
        {
            var id = DeterministicIds.RecordId(settings.Incarnation, record.Sequence);
            var recordPayload = RecordOverheadBytes + id.Length + (4L * ((record.Data.Length + 2) / 3));
            if (batch.Count > 0
                && (dataBytes + record.Data.Length > lambda.BufferSizeBytes
                    || payloadBytes + recordPayload > FirehoseLimits.MaxLambdaPayloadBytes
                    || batch.Count >= maxRecords))
            {
                yield return batch;
                batch = [];
                dataBytes = 0;
                payloadBytes = envelope;
            }

            batch.Add(new BatchRecord(id, record));
            dataBytes += record.Data.Length;
            payloadBytes += recordPayload;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private async Task<ProcessedRecord[]> InvokeAsync(DeliveryStreamSettings settings, IReadOnlyList<BatchRecord> batch, CancellationToken cancellationToken)
    {
        var lambda = settings.Lambda!;
        var records = batch.Select(r => new TransformationEventRecord(r.RecordId, r.Record.ArrivalTime.ToUnixTimeMilliseconds(), Convert.ToBase64String(r.Record.Data))).ToArray();

        var attempts = 1 + lambda.NumberOfRetries;
        var (code, message) = (LambdaErrorCodes.InvokeFailed, "The Lambda function was not invoked.");
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            using var activity = FirehoseTelemetry.Source.StartActivity("Firehose invoke transformation", ActivityKind.Client);
            activity?.SetTag("aws.firehose.delivery_stream", settings.Name);
            activity?.SetTag("faas.invoked_name", lambda.LambdaArn);
            activity?.SetTag("faas.invoked_provider", "aws");
            activity?.SetTag("messaging.batch.message_count", batch.Count);
            activity?.SetTag("pipeline.attempt", attempt);
            try
            {
                // Every attempt is a new invocation (a new invocationId) of the same records under the same record ids.
                var payload = JsonSerializer.SerializeToUtf8Bytes(
                    new TransformationEvent(Guid.NewGuid().ToString(), settings.Arn, Region(settings), records),
                    TransformationJsonContext.Relaxed.TransformationEvent);
                var result = await invoker().InvokeAsync(lambda.LambdaArn, payload, cancellationToken).ConfigureAwait(false);
                if (result.Succeeded)
                {
                    var processed = TransformationResponseReader.Read(result.Payload, batch, attempt, time.GetUtcNow());
                    activity?.SetTag("pipeline.records.failed", processed.Count(r => r.Outcome == RecordOutcome.Failed));
                    return processed;
                }

                (code, message) = (LambdaErrorCodes.FunctionError, FunctionErrorMessage(result.Payload));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (AwsServiceException e)
            {
                code = e.Code switch
                {
                    "ResourceNotFoundException" => LambdaErrorCodes.ResourceNotFound,
                    "TooManyRequestsException" => LambdaErrorCodes.InvokeLimitExceeded,
                    _ => LambdaErrorCodes.InvokeFailed,
                };
                message = $"{e.Code}: {e.Message}";
            }
            catch (Exception e)
            {
                (code, message) = (LambdaErrorCodes.InvokeFailed, e.Message);
            }

            activity?.SetStatus(ActivityStatusCode.Error, code);
            LogAttemptFailed(settings.Name, lambda.LambdaArn, attempt, attempts, code, message);
            if (attempt < attempts)
            {
                await Task.Delay(Backoff(attempt), time, cancellationToken).ConfigureAwait(false);
            }
        }

        return TransformationResponseReader.FailAll(batch, code, message, attempts, time.GetUtcNow());
    }

    private TimeSpan Backoff(int attempt)
    {
        var delay = options.LambdaRetryDelay * Math.Pow(2, Math.Min(attempt - 1, 16));
        return delay < options.LambdaRetryMaxDelay ? delay : options.LambdaRetryMaxDelay;
    }

    /// <summary>AWS's message, with the function's own errorType and errorMessage so the cause is visible locally.</summary>
    private static string FunctionErrorMessage(byte[] payload)
    {
        try
        {
            using var error = JsonDocument.Parse(payload);
            if (error.RootElement.ValueKind == JsonValueKind.Object
                && error.RootElement.TryGetProperty("errorMessage", out var errorMessage)
                && errorMessage.ValueKind == JsonValueKind.String)
            {
                var type = error.RootElement.TryGetProperty("errorType", out var errorType) && errorType.ValueKind == JsonValueKind.String
                    ? errorType.GetString() + ": "
                    : string.Empty;
                return $"{LambdaErrorCodes.FunctionErrorMessage} {type}{errorMessage.GetString()}";
            }
        }
        catch (JsonException)
        {
            // Not a Lambda error document; AWS's message alone.
        }

        return LambdaErrorCodes.FunctionErrorMessage;
    }

    private static string Region(DeliveryStreamSettings settings) => settings.Arn.Split(':') is { Length: > 3 } parts ? parts[3] : string.Empty;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transformation of {Stream} by {Function} failed (attempt {Attempt} of {Attempts}): {Code} {Message}")]
    private partial void LogAttemptFailed(string stream, string function, int attempt, int attempts, string code, string message);
}

/// <summary>A record in a transformation invocation, under the record id PutRecord returned for it.</summary>
internal sealed record BatchRecord(string RecordId, JournalRecord Record);
