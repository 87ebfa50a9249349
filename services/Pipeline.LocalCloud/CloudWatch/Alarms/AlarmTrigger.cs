namespace Pipeline.LocalCloud.CloudWatch.Alarms;

/// <summary>What the alarm watches, in an alarm notification.</summary>
/// <param name="StatisticType"><c>Statistic</c> (an extended statistic would say <c>ExtendedStatistic</c>).</param>
/// <param name="Statistic">Upper case, as CloudWatch writes it in notifications: <c>SUM</c>, <c>AVERAGE</c>, …</param>
public sealed record AlarmTrigger(
    string MetricName,
    string Namespace,
    string StatisticType,
    string Statistic,
    string? Unit,
    IReadOnlyList<AlarmNotificationDimension> Dimensions,
    int Period,
    int EvaluationPeriods,
    int? DatapointsToAlarm,
    string ComparisonOperator,
    double Threshold,
    string TreatMissingData,
    string EvaluateLowSampleCountPercentile);
