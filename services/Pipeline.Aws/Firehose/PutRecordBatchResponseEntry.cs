namespace Pipeline.Aws.Firehose;

/// <summary>A record's outcome: a record id when accepted, an error code and message when not.</summary>
public sealed record PutRecordBatchResponseEntry(string? RecordId, string? ErrorCode, string? ErrorMessage)
{
    public bool Failed => ErrorCode is not null;
}
