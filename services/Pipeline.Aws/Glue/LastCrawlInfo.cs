using System.Text.Json.Serialization;
using Pipeline.Aws.Core;
using Pipeline.AwsShapes;

namespace Pipeline.Aws.Glue;

/// <summary>The last crawl of a crawler.</summary>
public sealed record LastCrawlInfo
{
    /// <summary>Null when the service reports a status outside the API model.</summary>
    [JsonConverter(typeof(LastCrawlStatusConverter))]
    public LastCrawlStatus? Status { get; init; }

    public string? ErrorMessage { get; init; }

    public string? LogGroup { get; init; }

    public string? LogStream { get; init; }

    [JsonConverter(typeof(AwsEpochSecondsTimestampConverter))]
    public DateTimeOffset? StartTime { get; init; }
}
