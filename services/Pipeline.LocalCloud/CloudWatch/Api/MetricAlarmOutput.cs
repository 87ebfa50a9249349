namespace Pipeline.LocalCloud.CloudWatch.Api;

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
