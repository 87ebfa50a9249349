using System.Text.Json.Serialization;
using Pipeline.Aws.Core;
using Pipeline.AwsShapes;

namespace Pipeline.Aws.Glue;

/// <summary>A job run as GetJobRun(s) reports it.</summary>
public sealed record JobRun
{
    public required string Id { get; init; }

    public string? JobName { get; init; }

    public int? Attempt { get; init; }

    public string? PreviousRunId { get; init; }

    [JsonConverter(typeof(AwsEpochSecondsTimestampConverter))]
    public DateTimeOffset? StartedOn { get; init; }

    [JsonConverter(typeof(AwsEpochSecondsTimestampConverter))]
    public DateTimeOffset? LastModifiedOn { get; init; }

    [JsonConverter(typeof(AwsEpochSecondsTimestampConverter))]
    public DateTimeOffset? CompletedOn { get; init; }

    public JobRunState? JobRunState { get; init; }

    public IReadOnlyDictionary<string, string>? Arguments { get; init; }

    public string? ErrorMessage { get; init; }

    /// <summary>Seconds the run consumed resources.</summary>
    public int? ExecutionTime { get; init; }

    /// <summary>Minutes.</summary>
    public int? Timeout { get; init; }

    public string? LogGroupName { get; init; }

    public string? GlueVersion { get; init; }
}
