using System.Text.Json;
using Pipeline.LocalCloud.Protocols;

namespace Pipeline.LocalCloud.CloudWatch.Api;

/// <summary>
/// The parameters of a CloudWatch Query request (<c>Action=PutMetricAlarm&amp;AlarmName=…&amp;Dimensions.member.1.Name=…</c>)
/// read into the same request shapes as the JSON protocol. Lists are flattened as the 2010-08-01 Query API names them
/// (<c>AlarmActions.member.1</c>, <c>MetricData.member.1.Dimensions.member.1.Value</c>), timestamps are ISO 8601.
/// </summary>
internal static class CloudWatchQueryRequests
{
    /// <summary>Stands for a structure the Query request had (metric math, entity data), which is refused whatever it holds.</summary>
    private static readonly JsonElement Present = CreatePresent();

    public static PutMetricAlarmInput PutMetricAlarm(this QueryParameters p) => new()
    {
        AlarmName = p.Get("AlarmName"),
        AlarmDescription = p.Get("AlarmDescription"),
        ActionsEnabled = p.Bool("ActionsEnabled"),
        OKActions = p.MemberList("OKActions"),
        AlarmActions = p.MemberList("AlarmActions"),
        InsufficientDataActions = p.MemberList("InsufficientDataActions"),
        MetricName = p.Get("MetricName"),
        Namespace = p.Get("Namespace"),
        Statistic = p.Get("Statistic"),
        ExtendedStatistic = p.Get("ExtendedStatistic"),
        Dimensions = p.Dimensions("Dimensions"),
        Period = p.Int("Period"),
        Unit = p.Get("Unit"),
        EvaluationPeriods = p.Int("EvaluationPeriods"),
        DatapointsToAlarm = p.Int("DatapointsToAlarm"),
        Threshold = p.Double("Threshold"),
        ComparisonOperator = p.Get("ComparisonOperator"),
        TreatMissingData = p.Get("TreatMissingData"),
        EvaluateLowSampleCountPercentile = p.Get("EvaluateLowSampleCountPercentile"),

        // Present at all means metric math was asked for; its content does not matter, it is refused.
        Metrics = p.HasUnder("Metrics.member") ? Present : null,
        Tags = p.Members("Tags", t => new TagEntry(p.Get($"{t}.Key"), p.Get($"{t}.Value"))) ?? [],
        ThresholdMetricId = p.Get("ThresholdMetricId"),
        EvaluationCriteria = p.HasUnder("EvaluationCriteria") ? Present : null,
        EvaluationInterval = p.Int("EvaluationInterval"),
    };

    public static DescribeAlarmsInput DescribeAlarms(this QueryParameters p) => new(
        p.MemberList("AlarmNames"),
        p.Get("AlarmNamePrefix"),
        p.MemberList("AlarmTypes"),
        p.Get("ChildrenOfAlarmName"),
        p.Get("ParentsOfAlarmName"),
        p.Get("StateValue"),
        p.Get("ActionPrefix"),
        p.Int("MaxRecords"),
        p.Get("NextToken"));

    public static DeleteAlarmsInput DeleteAlarms(this QueryParameters p) => new(p.MemberList("AlarmNames"));

    public static PutMetricDataInput PutMetricData(this QueryParameters p) => new(
        p.Get("Namespace"),
        p.Members("MetricData", d => p.Datum(d)),
        p.HasUnder("EntityMetricData.member") ? Present : null,
        p.Bool("StrictEntityValidation"));

    public static GetMetricStatisticsInput GetMetricStatistics(this QueryParameters p) => new(
        p.Get("Namespace"),
        p.Get("MetricName"),
        p.Dimensions("Dimensions"),
        p.Timestamp("StartTime"),
        p.Timestamp("EndTime"),
        p.Int("Period"),
        p.MemberList("Statistics"),
        p.MemberList("ExtendedStatistics"),
        p.Get("Unit"));

    public static ListMetricsInput ListMetrics(this QueryParameters p) => new(
        p.Get("Namespace"),
        p.Get("MetricName"),
        p.Members("Dimensions", d => new DimensionFilterEntry(p.Get($"{d}.Name"), p.Get($"{d}.Value"))),
        p.Get("NextToken"),
        p.Get("RecentlyActive"),
        p.Bool("IncludeLinkedAccounts"),
        p.Get("OwningAccount"));

    private static MetricDatumEntry Datum(this QueryParameters p, string d) => new(
        p.Get($"{d}.MetricName"),
        p.Dimensions($"{d}.Dimensions"),
        p.Timestamp($"{d}.Timestamp"),
        p.Double($"{d}.Value"),
        p.HasUnder($"{d}.StatisticValues")
            ? new StatisticSetEntry(p.Double($"{d}.StatisticValues.SampleCount"), p.Double($"{d}.StatisticValues.Sum"), p.Double($"{d}.StatisticValues.Minimum"), p.Double($"{d}.StatisticValues.Maximum"))
            : null,
        p.Numbers($"{d}.Values"),
        p.Numbers($"{d}.Counts"),
        p.Get($"{d}.Unit"),
        p.Int($"{d}.StorageResolution"));

    private static List<DimensionEntry>? Dimensions(this QueryParameters p, string name) =>
        p.Members(name, d => new DimensionEntry(p.Get($"{d}.Name"), p.Get($"{d}.Value")));

    private static List<double>? Numbers(this QueryParameters p, string name) =>
        p.List(name + ".member") is { } items ? [.. p.Indices(name + ".member").Where(p.Has).Select(v => p.Double(v)!.Value)] : null;

    private static JsonElement CreatePresent()
    {
        using var document = JsonDocument.Parse("[{}]");
        return document.RootElement.Clone();
    }
}
