namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>ChangeMessageVisibilityBatch's request.</summary>
internal sealed record ChangeMessageVisibilityBatchInput(string? QueueUrl, ChangeMessageVisibilityBatchEntry[]? Entries);
