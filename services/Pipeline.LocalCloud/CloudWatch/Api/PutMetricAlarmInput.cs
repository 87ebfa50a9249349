using System.Text.Json;

namespace Pipeline.LocalCloud.CloudWatch.Api;

/// <summary>PutMetricAlarm request. Metric math (<c>Metrics</c>), extended statistics and PromQL criteria are refused.</summary>
internal sealed record PutMetricAlarmInput
{
    public string? AlarmName { get; init; }

    public string? AlarmDescription { get; init; }

    public bool? ActionsEnabled { get; init; }

    public List<string>? OKActions { get; init; }

    public List<string>? AlarmActions { get; init; }

    public List<string>? InsufficientDataActions { get; init; }

    public string? MetricName { get; init; }

    public string? Namespace { get; init; }

    public string? Statistic { get; init; }

    public string? ExtendedStatistic { get; init; }

    public List<DimensionEntry>? Dimensions { get; init; }

    public int? Period { get; init; }

    public string? Unit { get; init; }

    public int? EvaluationPeriods { get; init; }

    public int? DatapointsToAlarm { get; init; }

    public double? Threshold { get; init; }

    public string? ComparisonOperator { get; init; }

    public string? TreatMissingData { get; init; }

    public string? EvaluateLowSampleCountPercentile { get; init; }

    public JsonElement? Metrics { get; init; }

    public List<TagEntry>? Tags { get; init; }

    public string? ThresholdMetricId { get; init; }

    public JsonElement? EvaluationCriteria { get; init; }

    public int? EvaluationInterval { get; init; }
}
