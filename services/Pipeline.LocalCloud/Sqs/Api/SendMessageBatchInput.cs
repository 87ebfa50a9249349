namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>SendMessageBatch's request.</summary>
internal sealed record SendMessageBatchInput(string? QueueUrl, SendMessageBatchEntry[]? Entries);
