using System.Text.Json.Serialization;

namespace Pipeline.Contracts.Aws.Firehose;

/// <summary>The outcome of transforming one record; <c>Ok</c> and <c>Dropped</c> count as processed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FirehoseRecordResult>))]
public enum FirehoseRecordResult
{
    Ok,
    Dropped,
    ProcessingFailed,
}
