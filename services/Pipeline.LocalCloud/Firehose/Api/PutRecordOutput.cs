namespace Pipeline.LocalCloud.Firehose.Api;

internal sealed record PutRecordOutput(string RecordId, bool Encrypted);
