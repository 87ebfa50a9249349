namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>One handle of ChangeMessageVisibilityBatch.</summary>
internal sealed record ChangeMessageVisibilityBatchEntry(string? Id, string? ReceiptHandle, int? VisibilityTimeout);
