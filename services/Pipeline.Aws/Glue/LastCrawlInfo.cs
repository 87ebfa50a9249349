using System.Text.Json.Serialization;
using Pipeline.Aws.Core;

namespace Pipeline.Aws.Glue;

/// <summary>The last crawl of a crawler.</summary>
public sealed record LastCrawlInfo
{
    public LastCrawlStatus? Status { get; init; }

    public string? ErrorMessage { get; init; }

    public string? LogGroup { get; init; }

    public string? LogStream { get; init; }

    [JsonConverter(typeof(AwsTimestampConverter))]
    public DateTimeOffset? StartTime { get; init; }
}
