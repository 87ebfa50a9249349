using System.Text.Json.Serialization;

namespace Pipeline.AwsShapes.Firehose;

/// <summary>A record's outcome in PutRecordBatch's answer: a record id when accepted, an error code when not.</summary>
public sealed partial record PutRecordBatchResponseEntry
{
    /// <summary>Whether the record was rejected and has to be sent again.</summary>
    [JsonIgnore]
    public bool Failed => ErrorCode is not null;
}
