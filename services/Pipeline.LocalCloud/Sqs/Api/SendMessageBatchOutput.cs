namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>SendMessageBatch's answer.</summary>
internal sealed record SendMessageBatchOutput(SendMessageBatchResultEntry[] Successful, BatchResultErrorEntry[] Failed);
