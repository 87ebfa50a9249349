using System.Text.Json.Serialization;
using Pipeline.Aws.Core;
using Pipeline.AwsShapes;

namespace Pipeline.Aws.Athena;

/// <summary>A query's state and timing.</summary>
public sealed record QueryExecutionStatus
{
    public QueryExecutionState? State { get; init; }

    public string? StateChangeReason { get; init; }

    [JsonConverter(typeof(AwsEpochSecondsTimestampConverter))]
    public DateTimeOffset? SubmissionDateTime { get; init; }

    [JsonConverter(typeof(AwsEpochSecondsTimestampConverter))]
    public DateTimeOffset? CompletionDateTime { get; init; }

    public AthenaError? AthenaError { get; init; }
}
