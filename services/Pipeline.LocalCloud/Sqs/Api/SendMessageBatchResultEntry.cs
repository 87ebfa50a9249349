namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>A sent message of SendMessageBatch.</summary>
internal sealed record SendMessageBatchResultEntry(string Id, string MessageId, string MD5OfMessageBody, string? MD5OfMessageAttributes);
