using System.Text.Json.Serialization;

namespace Pipeline.Notifier.Notifying;

/// <summary>The summary the ETL job writes at <c>&lt;run_summary_path&gt;&lt;job&gt;/&lt;run id&gt;.json</c> (docs/orchestration.md).</summary>
public sealed record RunSummary
{
    [JsonPropertyName("job_name")]
    public string? JobName { get; init; }

    [JsonPropertyName("job_run_id")]
    public string? JobRunId { get; init; }

    [JsonPropertyName("dataset")]
    public string? Dataset { get; init; }

    [JsonPropertyName("rows_read")]
    public long? RowsRead { get; init; }

    [JsonPropertyName("rows_written")]
    public long? RowsWritten { get; init; }

    [JsonPropertyName("duplicates_dropped")]
    public long? DuplicatesDropped { get; init; }

    [JsonPropertyName("files_written")]
    public long? FilesWritten { get; init; }

    [JsonPropertyName("partitions")]
    public IReadOnlyList<string>? Partitions { get; init; }
}
