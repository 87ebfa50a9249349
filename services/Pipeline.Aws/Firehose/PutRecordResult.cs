namespace Pipeline.Aws.Firehose;

public sealed record PutRecordResult(string RecordId, bool Encrypted);
