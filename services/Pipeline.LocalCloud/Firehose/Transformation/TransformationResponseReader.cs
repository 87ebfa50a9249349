using System.Text.Json;
using Pipeline.LocalCloud.Firehose.Delivery;

namespace Pipeline.LocalCloud.Firehose.Transformation;

/// <summary>
/// Checks a transformation response against the batch it answers, record by record: each record id answered
/// exactly once, a result of Ok, Dropped or ProcessingFailed, base64 data for Ok. A record whose answer breaks the
/// contract fails alone; a response that is not <c>{"records":[…]}</c> fails the whole batch.
/// </summary>
internal static class TransformationResponseReader
{
    public static ProcessedRecord[] Read(ReadOnlyMemory<byte> payload, IReadOnlyList<BatchRecord> batch, int attemptsMade, DateTimeOffset now)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            return FailAll(batch, LambdaErrorCodes.JsonProcessingException, Detail("the response is not JSON"), attemptsMade, now);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("records", out var records)
                || records.ValueKind != JsonValueKind.Array)
            {
                return FailAll(batch, LambdaErrorCodes.JsonProcessingException, Detail("the response has no records array"), attemptsMade, now);
            }

            var answers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var duplicated = new HashSet<string>(StringComparer.Ordinal);
            foreach (var answer in records.EnumerateArray())
            {
                if (answer.ValueKind == JsonValueKind.Object
                    && answer.TryGetProperty("recordId", out var id)
                    && id.ValueKind == JsonValueKind.String
                    && !answers.TryAdd(id.GetString()!, answer))
                {
                    duplicated.Add(id.GetString()!);
                }
            }

            var results = new ProcessedRecord[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                var record = batch[i];
                results[i] = duplicated.Contains(record.RecordId)
                    ? Fail(record, LambdaErrorCodes.DuplicatedRecordId, LambdaErrorCodes.DuplicatedRecordIdMessage, attemptsMade, now)
                    : answers.TryGetValue(record.RecordId, out var answer)
                        ? ReadAnswer(record, answer, attemptsMade, now)
                        : Fail(record, LambdaErrorCodes.MissingRecordId, LambdaErrorCodes.MissingRecordIdMessage, attemptsMade, now);
            }

            return results;
        }
    }

    public static ProcessedRecord[] FailAll(IReadOnlyList<BatchRecord> batch, string code, string message, int attemptsMade, DateTimeOffset now) =>
        batch.Select(r => Fail(r, code, message, attemptsMade, now)).ToArray();

    private static ProcessedRecord ReadAnswer(BatchRecord record, JsonElement answer, int attemptsMade, DateTimeOffset now)
    {
        var result = answer.TryGetProperty("result", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        switch (result)
        {
            case "Dropped":
                return new ProcessedRecord(record.Record, RecordOutcome.Dropped, ReadOnlyMemory<byte>.Empty);
            case "ProcessingFailed":
                return Fail(record, LambdaErrorCodes.ProcessingFailedStatus, LambdaErrorCodes.ProcessingFailedStatusMessage, attemptsMade, now);
            case "Ok":
                break;
            default:
                return Fail(record, LambdaErrorCodes.JsonProcessingException, Detail(result is null
                    ? "a record has no result"
                    : $"the result '{result}' is not Ok, Dropped or ProcessingFailed"), attemptsMade, now);
        }

        if (!answer.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.String)
        {
            return Fail(record, LambdaErrorCodes.JsonProcessingException, Detail("a record with result Ok has no data"), attemptsMade, now);
        }

        if (!data.TryGetBytesFromBase64(out var bytes))
        {
            return Fail(record, LambdaErrorCodes.JsonProcessingException, Detail("the data of a record is not valid base64"), attemptsMade, now);
        }

        return new ProcessedRecord(record.Record, RecordOutcome.Ok, bytes, PartitionKeys(answer));
    }

    private static Dictionary<string, string>? PartitionKeys(JsonElement answer)
    {
        if (!answer.TryGetProperty("metadata", out var metadata)
            || metadata.ValueKind != JsonValueKind.Object
            || !metadata.TryGetProperty("partitionKeys", out var keys)
            || keys.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        // A key whose value is not a string is treated as absent: the prefix that needs it sends the record to the error output.
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys.EnumerateObject())
        {
            if (key.Value.ValueKind == JsonValueKind.String)
            {
                values[key.Name] = key.Value.GetString()!;
            }
        }

        return values;
    }

    private static string Detail(string what) => $"{LambdaErrorCodes.JsonProcessingExceptionMessage} ({what})";

    private static ProcessedRecord Fail(BatchRecord record, string code, string message, int attemptsMade, DateTimeOffset now) =>
        ProcessedRecord.Failing(record.Record, new RecordFailure(code, message, attemptsMade, now));
}

/// <summary>
/// The errorCode and errorMessage of transformation failures in the error output. Codes and messages are AWS's
/// where AWS documents or writes them (CloudWatch Logs "Lambda invocation errors", processing-failed records);
/// <see cref="InvokeFailed"/> is LocalCloud's for an invocation that failed without a Lambda error code.
/// </summary>
internal static class LambdaErrorCodes
{
    public const string FunctionError = "Lambda.FunctionError";
    public const string FunctionErrorMessage = "The Lambda function was successfully invoked but it returned an error result.";

    public const string MissingRecordId = "Lambda.MissingRecordId";
    public const string MissingRecordIdMessage = "One or more record Ids were not returned. Ensure that the Lambda function returns all received record Ids.";

    public const string DuplicatedRecordId = "Lambda.DuplicatedRecordId";
    public const string DuplicatedRecordIdMessage = "Multiple records were returned with the same record Id. Ensure that the Lambda function returns unique record Ids for each record.";

    /// <summary>The response, or a record in it, does not follow the status model (bad JSON, result, data or base64).</summary>
    public const string JsonProcessingException = "Lambda.JsonProcessingException";
    public const string JsonProcessingExceptionMessage = "There was an error parsing returned records from the Lambda function. Ensure that the returned records follow the status model required by Kinesis Firehose.";

    /// <summary>The function answered the record with <c>ProcessingFailed</c>.</summary>
    public const string ProcessingFailedStatus = "Lambda.ProcessingFailedStatus";
    public const string ProcessingFailedStatusMessage = "ProcessingFailed status set for record";

    public const string ResourceNotFound = "Lambda.ResourceNotFound";

    public const string InvokeLimitExceeded = "Lambda.InvokeLimitExceeded";

    public const string InvokeFailed = "Lambda.InvokeFailed";
}
