using System.Text.Json.Serialization;
using Pipeline.LocalCloud.CloudWatch.Metrics;

namespace Pipeline.LocalCloud.CloudWatch.Alarms;

/// <summary>
/// A metric alarm as LocalCloud keeps it: the configuration PutMetricAlarm gave (a single metric and a standard
/// statistic; metric math, percentiles and anomaly detection are not served) and the state the evaluator gave it.
/// </summary>
public sealed record MetricAlarm
{
    public required string AlarmName { get; init; }

    public required string AlarmArn { get; init; }

    public string? AlarmDescription { get; init; }

    public bool ActionsEnabled { get; init; } = true;

    public IReadOnlyList<string> OKActions { get; init; } = [];

    public IReadOnlyList<string> AlarmActions { get; init; } = [];

    public IReadOnlyList<string> InsufficientDataActions { get; init; } = [];

    public required string Namespace { get; init; }

    public required string MetricName { get; init; }

    /// <summary>Sorted by name, as <see cref="MetricIdentity"/> keeps them.</summary>
    public IReadOnlyList<MetricDimension> Dimensions { get; init; } = [];

    public MetricStatistic Statistic { get; init; }

    /// <summary>Seconds: 10, 20, 30 or a multiple of 60.</summary>
    public int Period { get; init; }

    /// <summary>Only samples sent with this unit count; null counts every unit.</summary>
    public string? Unit { get; init; }

    public int EvaluationPeriods { get; init; }

    /// <summary>Breaching periods among <see cref="EvaluationPeriods"/> that raise the alarm; null means all of them.</summary>
    public int? DatapointsToAlarm { get; init; }

    public double Threshold { get; init; }

    public ComparisonOperator ComparisonOperator { get; init; }

    public MissingDataTreatment TreatMissingData { get; init; }

    public DateTimeOffset AlarmConfigurationUpdatedTimestamp { get; init; }

    public AlarmState StateValue { get; init; }

    public string StateReason { get; init; } = "";

    public string? StateReasonData { get; init; }

    /// <summary>When <see cref="StateValue"/> last changed (or was first set).</summary>
    public DateTimeOffset StateUpdatedTimestamp { get; init; }

    public DateTimeOffset StateTransitionedTimestamp { get; init; }

    [JsonIgnore]
    public MetricIdentity Metric => new(Namespace, MetricName, Dimensions);

    /// <summary>The breaching periods it takes: DatapointsToAlarm, or every evaluation period.</summary>
    [JsonIgnore]
    public int RequiredBreaches => DatapointsToAlarm ?? EvaluationPeriods;

    /// <summary>The actions of <paramref name="state"/>.</summary>
    public IReadOnlyList<string> ActionsFor(AlarmState state) => state switch
    {
        AlarmState.Ok => OKActions,
        AlarmState.Alarm => AlarmActions,
        _ => InsufficientDataActions,
    };
}
