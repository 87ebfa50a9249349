using System.Text.Json;
using Pipeline.LocalCloud.Sqs;

namespace Pipeline.LocalCloud.Lambda.EventSources;

/// <summary>Which messages of a batch to delete after the function ran, by Lambda's rules for SQS sources.</summary>
public static class BatchResponse
{
    /// <summary>
    /// Nothing after a function error (the messages come back after their visibility timeout). Without
    /// ReportBatchItemFailures, everything. With it, all but the messages named in <c>batchItemFailures</c>; an empty or
    /// null response or list is a complete success, and a response that is not such a document or names an
    /// identifier that is empty or not in the batch is a complete failure.
    /// </summary>
    public static IReadOnlyList<SqsReceivedMessage> ToDelete(IReadOnlyList<SqsReceivedMessage> batch, FunctionInvocationResult result, bool reportBatchItemFailures)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Succeeded)
        {
            return [];
        }

        if (!reportBatchItemFailures)
        {
            return batch;
        }

        var failed = FailedIds(result.Payload, batch);
        return failed is null ? [] : batch.Where(m => !failed.Contains(m.MessageId)).ToList();
    }

    /// <summary>The reported ids; null when the response makes the whole batch a failure.</summary>
    private static HashSet<string>? FailedIds(byte[] payload, IReadOnlyList<SqsReceivedMessage> batch)
    {
        var failed = new HashSet<string>(StringComparer.Ordinal);
        if (payload.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return failed;
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Null)
            {
                return failed;
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (!root.TryGetProperty("batchItemFailures", out var failures) || failures.ValueKind == JsonValueKind.Null)
            {
                return failed;
            }

            if (failures.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var ids = batch.Select(m => m.MessageId).ToHashSet(StringComparer.Ordinal);
            foreach (var item in failures.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("itemIdentifier", out var identifier)
                    || identifier.ValueKind != JsonValueKind.String
                    || identifier.GetString() is not { Length: > 0 } id
                    || !ids.Contains(id))
                {
                    return null;
                }

                failed.Add(id);
            }

            return failed;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
