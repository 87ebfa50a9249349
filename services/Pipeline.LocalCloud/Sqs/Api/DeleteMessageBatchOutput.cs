namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>DeleteMessageBatch's answer.</summary>
internal sealed record DeleteMessageBatchOutput(BatchResultEntry[] Successful, BatchResultErrorEntry[] Failed);
