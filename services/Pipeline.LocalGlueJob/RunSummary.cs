using System.Text.Json.Serialization;

namespace Pipeline.LocalGlueJob;

/// <summary>The run summary at <c>&lt;run_summary_path&gt;&lt;job name&gt;/&lt;job run id&gt;.json</c>, which the notifier reads.</summary>
internal sealed record RunSummary(
    [property: JsonPropertyName("job_name")] string JobName,
    [property: JsonPropertyName("job_run_id")] string JobRunId,
    [property: JsonPropertyName("dataset")] string Dataset,
    [property: JsonPropertyName("rows_read")] long RowsRead,
    [property: JsonPropertyName("rows_written")] long RowsWritten,
    [property: JsonPropertyName("duplicates_dropped")] long DuplicatesDropped,
    [property: JsonPropertyName("files_written")] int FilesWritten,
    [property: JsonPropertyName("partitions")] IReadOnlyList<string> Partitions);
