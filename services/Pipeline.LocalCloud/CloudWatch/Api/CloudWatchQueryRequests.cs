using Pipeline.AwsShapes.CloudWatch;
using Pipeline.LocalCloud.Protocols;

namespace Pipeline.LocalCloud.CloudWatch.Api;

/// <summary>
/// The parameters of a CloudWatch Query request (<c>Action=PutMetricAlarm&amp;AlarmName=…&amp;Dimensions.member.1.Name=…</c>)
/// read into the same generated shapes as the JSON protocol. Lists are flattened as the 2010-08-01 Query API names them
/// (<c>AlarmActions.member.1</c>, <c>MetricData.member.1.Dimensions.member.1.Value</c>), timestamps are ISO 8601.
/// </summary>
internal static class CloudWatchQueryRequests
{
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

        // Present at all means metric math or PromQL was asked for; the content does not matter, it is refused.
        Metrics = p.HasUnder("Metrics.member") ? [new MetricDataQuery()] : null,
        Tags = p.Members("Tags", t => new TagEntry { Key = p.Get($"{t}.Key"), Value = p.Get($"{t}.Value") }) ?? [],
        ThresholdMetricId = p.Get("ThresholdMetricId"),
        EvaluationCriteria = p.HasUnder("EvaluationCriteria") ? new EvaluationCriteria() : null,
        EvaluationInterval = p.Int("EvaluationInterval"),
    };

    public static DescribeAlarmsInput DescribeAlarms(this QueryParameters p) => new()
    {
        AlarmNames = p.MemberList("AlarmNames"),
        AlarmNamePrefix = p.Get("AlarmNamePrefix"),
        AlarmTypes = p.MemberList("AlarmTypes"),
        ChildrenOfAlarmName = p.Get("ChildrenOfAlarmName"),
        ParentsOfAlarmName = p.Get("ParentsOfAlarmName"),
        StateValue = p.Get("StateValue"),
        ActionPrefix = p.Get("ActionPrefix"),
        MaxRecords = p.Int("MaxRecords"),
        NextToken = p.Get("NextToken"),
    };

    public static DeleteAlarmsInput DeleteAlarms(this QueryParameters p) => new() { AlarmNames = p.MemberList("AlarmNames") };

    public static PutMetricDataInput PutMetricData(this QueryParameters p) => new()
    {
        Namespace = p.Get("Namespace"),
        MetricData = p.Members("MetricData", d => p.Datum(d)),
        EntityMetricData = p.HasUnder("EntityMetricData.member") ? [new EntityMetricData()] : null,
        StrictEntityValidation = p.Bool("StrictEntityValidation"),
    };

    public static GetMetricStatisticsInput GetMetricStatistics(this QueryParameters p) => new()
    {
        Namespace = p.Get("Namespace"),
        MetricName = p.Get("MetricName"),
        Dimensions = p.Dimensions("Dimensions"),
        StartTime = p.Timestamp("StartTime"),
        EndTime = p.Timestamp("EndTime"),
        Period = p.Int("Period"),
        Statistics = p.MemberList("Statistics"),
        ExtendedStatistics = p.MemberList("ExtendedStatistics"),
        Unit = p.Get("Unit"),
    };

    public static ListMetricsInput ListMetrics(this QueryParameters p) => new()
    {
        Namespace = p.Get("Namespace"),
        MetricName = p.Get("MetricName"),
        Dimensions = p.Members("Dimensions", d => new DimensionFilterEntry { Name = p.Get($"{d}.Name"), Value = p.Get($"{d}.Value") }),
        NextToken = p.Get("NextToken"),
        RecentlyActive = p.Get("RecentlyActive"),
        IncludeLinkedAccounts = p.Bool("IncludeLinkedAccounts"),
        OwningAccount = p.Get("OwningAccount"),
    };

    private static MetricDatumEntry Datum(this QueryParameters p, string d) => new()
    {
        MetricName = p.Get($"{d}.MetricName"),
        Dimensions = p.Dimensions($"{d}.Dimensions"),
        Timestamp = p.Timestamp($"{d}.Timestamp"),
        Value = p.Double($"{d}.Value"),
        StatisticValues = p.HasUnder($"{d}.StatisticValues")
            ? new StatisticSetEntry
            {
                SampleCount = p.Double($"{d}.StatisticValues.SampleCount"),
                Sum = p.Double($"{d}.StatisticValues.Sum"),
                Minimum = p.Double($"{d}.StatisticValues.Minimum"),
                Maximum = p.Double($"{d}.StatisticValues.Maximum"),
            }
            : null,
        Values = p.Numbers($"{d}.Values"),
        Counts = p.Numbers($"{d}.Counts"),
        Unit = p.Get($"{d}.Unit"),
        StorageResolution = p.Int($"{d}.StorageResolution"),
    };

    private static List<DimensionEntry>? Dimensions(this QueryParameters p, string name) =>
        p.Members(name, d => new DimensionEntry { Name = p.Get($"{d}.Name"), Value = p.Get($"{d}.Value") });

    private static List<double>? Numbers(this QueryParameters p, string name) =>
        p.List(name + ".member") is { } items ? [.. p.Indices(name + ".member").Where(p.Has).Select(v => p.Double(v)!.Value)] : null;
}
