using System.Text.Json.Serialization;

namespace Pipeline.Contracts.Datasets;

/// <summary>
/// A dataset: its schema and rules, and how it is partitioned. Adding a dataset is adding one of these to
/// <c>datasets.json</c>; no code branches on a dataset's name.
/// </summary>
public sealed record DatasetDefinition
{
    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    [JsonPropertyName("id_field")]
    public string IdField { get; set; } = "event_id";

    [JsonPropertyName("time_field")]
    public string TimeField { get; set; } = "event_time";

    public IReadOnlyList<FieldDefinition> Fields { get; set; } = [];

    [JsonPropertyName("lambda_partition_keys")]
    public IReadOnlyList<PartitionKeyDefinition> LambdaPartitionKeys { get; set; } = [];

    [JsonPropertyName("stage_partition_keys")]
    public IReadOnlyList<string> StagePartitionKeys { get; set; } = [];

    /// <summary>A numeric field (dotted path) that tests and reports sum to check nothing was lost.</summary>
    [JsonPropertyName("sum_field")]
    public string? SumField { get; set; }

    /// <summary>The status whose values raise an alert within a minute, or null for none.</summary>
    [JsonPropertyName("status_alerts")]
    public StatusAlertDefinition? StatusAlerts { get; set; }
}
