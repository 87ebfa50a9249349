namespace Pipeline.LocalCloud.Firehose.Api;

internal sealed record PutRecordBatchOutput(int FailedPutCount, bool Encrypted, IReadOnlyList<PutRecordBatchResponseEntry> RequestResponses);
