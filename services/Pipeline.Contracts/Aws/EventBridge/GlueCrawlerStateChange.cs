using System.Text.Json.Serialization;

namespace Pipeline.Contracts.Aws.EventBridge;

/// <summary>Detail of "Glue Crawler State Change". AWS sends every count as a string.</summary>
public sealed record GlueCrawlerStateChange
{
    public const string DetailType = "Glue Crawler State Change";

    public required string CrawlerName { get; init; }

    public required GlueCrawlerState State { get; init; }

    public string? Message { get; init; }

    public string? ErrorMessage { get; init; }

    public string? AccountId { get; init; }

    public string? TablesCreated { get; init; }

    public string? TablesUpdated { get; init; }

    public string? TablesDeleted { get; init; }

    public string? PartitionsCreated { get; init; }

    public string? PartitionsUpdated { get; init; }

    public string? PartitionsDeleted { get; init; }

    [JsonPropertyName("runningTime (sec)")]
    public string? RunningTimeSeconds { get; init; }

    public string? CompletionDate { get; init; }

    public string? StartTime { get; init; }

    public string? WarningMessage { get; init; }

    public string? CloudWatchLogLink { get; init; }
}
