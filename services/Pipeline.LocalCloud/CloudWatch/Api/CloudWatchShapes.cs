using System.Text.Json;

namespace Pipeline.LocalCloud.CloudWatch.Api;

// CloudWatch's request and response shapes, shared by its JSON and Query protocols.

/// <summary>The model's <c>Datapoint</c>: only the statistics asked for are set.</summary>
internal sealed record DatapointOutput(
    DateTimeOffset Timestamp,
    double? SampleCount,
    double? Average,
    double? Sum,
    double? Minimum,
    double? Maximum,
    string Unit);

/// <summary>DeleteAlarms request.</summary>
internal sealed record DeleteAlarmsInput(List<string>? AlarmNames);

/// <summary>DescribeAlarms request; the composite-alarm filters (children, parents) match nothing locally.</summary>
internal sealed record DescribeAlarmsInput(
    List<string>? AlarmNames,
    string? AlarmNamePrefix,
    List<string>? AlarmTypes,
    string? ChildrenOfAlarmName,
    string? ParentsOfAlarmName,
    string? StateValue,
    string? ActionPrefix,
    int? MaxRecords,
    string? NextToken);

/// <summary>DescribeAlarms answer; LocalCloud has no composite alarms, so that list is always empty.</summary>
internal sealed record DescribeAlarmsOutput(IReadOnlyList<EmptyOutput> CompositeAlarms, IReadOnlyList<MetricAlarmOutput> MetricAlarms, string? NextToken);

/// <summary>The model's <c>Dimension</c>.</summary>
internal sealed record DimensionEntry(string? Name, string? Value);

/// <summary>The model's <c>DimensionFilter</c>: a name, and optionally the value it must have.</summary>
internal sealed record DimensionFilterEntry(string? Name, string? Value);

/// <summary>Answer of operations that return nothing.</summary>
internal sealed record EmptyOutput;

/// <summary>GetMetricStatistics request; extended statistics (percentiles) are refused.</summary>
internal sealed record GetMetricStatisticsInput(
    string? Namespace,
    string? MetricName,
    List<DimensionEntry>? Dimensions,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime,
    int? Period,
    List<string>? Statistics,
    List<string>? ExtendedStatistics,
    string? Unit);

/// <summary>GetMetricStatistics answer.</summary>
internal sealed record GetMetricStatisticsOutput(string Label, IReadOnlyList<DatapointOutput> Datapoints);

/// <summary>ListMetrics request; linked accounts do not exist locally.</summary>
internal sealed record ListMetricsInput(
    string? Namespace,
    string? MetricName,
    List<DimensionFilterEntry>? Dimensions,
    string? NextToken,
    string? RecentlyActive,
    bool? IncludeLinkedAccounts,
    string? OwningAccount);

/// <summary>ListMetrics answer.</summary>
internal sealed record ListMetricsOutput(IReadOnlyList<MetricOutput> Metrics, string? NextToken);

/// <summary>The model's <c>MetricAlarm</c>, as DescribeAlarms lists it.</summary>
internal sealed record MetricAlarmOutput
{
    public required string AlarmName { get; init; }

    public required string AlarmArn { get; init; }

    public string? AlarmDescription { get; init; }

    public DateTimeOffset AlarmConfigurationUpdatedTimestamp { get; init; }

    public bool ActionsEnabled { get; init; }

    public required IReadOnlyList<string> OKActions { get; init; }

    public required IReadOnlyList<string> AlarmActions { get; init; }

    public required IReadOnlyList<string> InsufficientDataActions { get; init; }

    public required string StateValue { get; init; }

    public required string StateReason { get; init; }

    public string? StateReasonData { get; init; }

    public DateTimeOffset StateUpdatedTimestamp { get; init; }

    public required string MetricName { get; init; }

    public required string Namespace { get; init; }

    public required string Statistic { get; init; }

    public required IReadOnlyList<DimensionEntry> Dimensions { get; init; }

    public int Period { get; init; }

    public string? Unit { get; init; }

    public int EvaluationPeriods { get; init; }

    public int? DatapointsToAlarm { get; init; }

    public double Threshold { get; init; }

    public required string ComparisonOperator { get; init; }

    public required string TreatMissingData { get; init; }

    public DateTimeOffset StateTransitionedTimestamp { get; init; }
}

/// <summary>The model's <c>MetricDatum</c>: one value, a statistic set, or values with counts.</summary>
internal sealed record MetricDatumEntry(
    string? MetricName,
    List<DimensionEntry>? Dimensions,
    DateTimeOffset? Timestamp,
    double? Value,
    StatisticSetEntry? StatisticValues,
    List<double>? Values,
    List<double>? Counts,
    string? Unit,
    int? StorageResolution);

/// <summary>The model's <c>Metric</c>.</summary>
internal sealed record MetricOutput(string Namespace, string MetricName, IReadOnlyList<DimensionEntry> Dimensions);

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

/// <summary>PutMetricData request; <c>EntityMetricData</c> is refused (not served locally).</summary>
internal sealed record PutMetricDataInput(string? Namespace, List<MetricDatumEntry>? MetricData, JsonElement? EntityMetricData, bool? StrictEntityValidation);

/// <summary>The model's <c>StatisticSet</c>.</summary>
internal sealed record StatisticSetEntry(double? SampleCount, double? Sum, double? Minimum, double? Maximum);

/// <summary>The model's <c>Tag</c>; accepted and not kept.</summary>
internal sealed record TagEntry(string? Key, string? Value);
