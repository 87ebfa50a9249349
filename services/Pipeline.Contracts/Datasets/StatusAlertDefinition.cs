using System.Text.Json.Serialization;

namespace Pipeline.Contracts.Datasets;

/// <summary>
/// A status field whose values call for attention within a minute (seed 002's FAIL and WARN vehicle streams): the
/// transformer counts the valid records that have one of <see cref="Values"/>, per value and per
/// <see cref="GroupBy"/>, and reports the counts as a metric that an alarm watches (docs/alerting.md).
/// </summary>
public sealed record StatusAlertDefinition
{
    /// <summary>The CloudWatch metric the transformer writes and the status alarms watch (in <c>metrics_namespace</c>).</summary>
    public const string MetricName = "StatusAlerts";

    /// <summary>The status field, a dotted path to a string field (<c>vehicle_status.status</c>).</summary>
    public string Field { get; set; } = "";

    /// <summary>The statuses that alert, as the normalised record has them (enums are lower-cased).</summary>
    public IReadOnlyList<string> Values { get; set; } = [];

    /// <summary>A string field the counts are also broken down by (<c>vendor</c>).</summary>
    [JsonPropertyName("group_by")]
    public string GroupBy { get; set; } = "";
}
