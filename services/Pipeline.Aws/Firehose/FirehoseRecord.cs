namespace Pipeline.Aws.Firehose;

// API shape Record: System.Text.Json writes ReadOnlyMemory<byte> as base64, which is what the blob type wants.
internal sealed record FirehoseRecord(ReadOnlyMemory<byte> Data);
