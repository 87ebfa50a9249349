namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>DeleteMessageBatch's request.</summary>
internal sealed record DeleteMessageBatchInput(string? QueueUrl, DeleteMessageBatchEntry[]? Entries);
