namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>ChangeMessageVisibilityBatch's answer.</summary>
internal sealed record ChangeMessageVisibilityBatchOutput(BatchResultEntry[] Successful, BatchResultErrorEntry[] Failed);
