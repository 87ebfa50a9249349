namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>One handle of DeleteMessageBatch.</summary>
internal sealed record DeleteMessageBatchEntry(string? Id, string? ReceiptHandle);
