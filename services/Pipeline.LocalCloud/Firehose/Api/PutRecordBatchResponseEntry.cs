namespace Pipeline.LocalCloud.Firehose.Api;

internal sealed record PutRecordBatchResponseEntry(string? RecordId, string? ErrorCode = null, string? ErrorMessage = null);
