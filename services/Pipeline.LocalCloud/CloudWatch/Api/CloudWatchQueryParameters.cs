using System.Globalization;
using System.Text.Json;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.CloudWatch.Api;

/// <summary>
/// The parameters of a CloudWatch Query request (<c>Action=PutMetricAlarm&amp;AlarmName=…&amp;Dimensions.member.1.Name=…</c>)
/// read into the same request shapes as the JSON protocol. Lists are flattened as the 2010-08-01 Query API names them
/// (<c>AlarmActions.member.1</c>, <c>MetricData.member.1.Dimensions.member.1.Value</c>), timestamps are ISO 8601.
/// </summary>
internal sealed class CloudWatchQueryParameters(IReadOnlyDictionary<string, string> values)
{
    /// <summary>Stands for a structure the Query request had (metric math, entity data), which is refused whatever it holds.</summary>
    private static readonly JsonElement Present = CreatePresent();

    public string? Action => Get("Action");

    public string? Get(string name) => values.TryGetValue(name, out var value) ? value : null;

    public PutMetricAlarmInput PutMetricAlarm() => new()
    {
        AlarmName = Get("AlarmName"),
        AlarmDescription = Get("AlarmDescription"),
        ActionsEnabled = Bool("ActionsEnabled"),
        OKActions = List("OKActions"),
        AlarmActions = List("AlarmActions"),
        InsufficientDataActions = List("InsufficientDataActions"),
        MetricName = Get("MetricName"),
        Namespace = Get("Namespace"),
        Statistic = Get("Statistic"),
        ExtendedStatistic = Get("ExtendedStatistic"),
        Dimensions = Dimensions("Dimensions"),
        Period = Int("Period"),
        Unit = Get("Unit"),
        EvaluationPeriods = Int("EvaluationPeriods"),
        DatapointsToAlarm = Int("DatapointsToAlarm"),
        Threshold = Double("Threshold"),
        ComparisonOperator = Get("ComparisonOperator"),
        TreatMissingData = Get("TreatMissingData"),
        EvaluateLowSampleCountPercentile = Get("EvaluateLowSampleCountPercentile"),

        // Present at all means metric math was asked for; its content does not matter, it is refused.
        Metrics = Members("Metrics").Any() ? Present : null,
        Tags = [.. Members("Tags").Select(p => new TagEntry(Get($"{p}.Key"), Get($"{p}.Value")))],
        ThresholdMetricId = Get("ThresholdMetricId"),
        EvaluationCriteria = values.Keys.Any(k => k.StartsWith("EvaluationCriteria.", StringComparison.Ordinal)) ? Present : null,
        EvaluationInterval = Int("EvaluationInterval"),
    };

    public DescribeAlarmsInput DescribeAlarms() => new(
        List("AlarmNames"),
        Get("AlarmNamePrefix"),
        List("AlarmTypes"),
        Get("ChildrenOfAlarmName"),
        Get("ParentsOfAlarmName"),
        Get("StateValue"),
        Get("ActionPrefix"),
        Int("MaxRecords"),
        Get("NextToken"));

    public DeleteAlarmsInput DeleteAlarms() => new(List("AlarmNames"));

    public PutMetricDataInput PutMetricData() => new(
        Get("Namespace"),
        Members("MetricData").Any() ? [.. Members("MetricData").Select(Datum)] : null,
        Members("EntityMetricData").Any() ? Present : null,
        Bool("StrictEntityValidation"));

    public GetMetricStatisticsInput GetMetricStatistics() => new(
        Get("Namespace"),
        Get("MetricName"),
        Dimensions("Dimensions"),
        Timestamp("StartTime"),
        Timestamp("EndTime"),
        Int("Period"),
        List("Statistics"),
        List("ExtendedStatistics"),
        Get("Unit"));

    public ListMetricsInput ListMetrics() => new(
        Get("Namespace"),
        Get("MetricName"),
        Members("Dimensions").Any() ? [.. Members("Dimensions").Select(p => new DimensionFilterEntry(Get($"{p}.Name"), Get($"{p}.Value")))] : null,
        Get("NextToken"),
        Get("RecentlyActive"),
        Bool("IncludeLinkedAccounts"),
        Get("OwningAccount"));

    private MetricDatumEntry Datum(string p) => new(
        Get($"{p}.MetricName"),
        Dimensions($"{p}.Dimensions"),
        Timestamp($"{p}.Timestamp"),
        Double($"{p}.Value"),
        values.Keys.Any(k => k.StartsWith($"{p}.StatisticValues.", StringComparison.Ordinal))
            ? new StatisticSetEntry(Double($"{p}.StatisticValues.SampleCount"), Double($"{p}.StatisticValues.Sum"), Double($"{p}.StatisticValues.Minimum"), Double($"{p}.StatisticValues.Maximum"))
            : null,
        Members($"{p}.Values").Any() ? [.. Members($"{p}.Values").Select(v => Double(v)!.Value)] : null,
        Members($"{p}.Counts").Any() ? [.. Members($"{p}.Counts").Select(v => Double(v)!.Value)] : null,
        Get($"{p}.Unit"),
        Int($"{p}.StorageResolution"));

    private List<DimensionEntry>? Dimensions(string name) =>
        Members(name).Any() ? [.. Members(name).Select(p => new DimensionEntry(Get($"{p}.Name"), Get($"{p}.Value")))] : null;

    /// <summary><c>name.member.1</c>, <c>name.member.2</c>, … as long as there is one (a member or a member's field).</summary>
    private IEnumerable<string> Members(string name)
    {
        for (var i = 1; ; i++)
        {
            var prefix = $"{name}.member.{i.ToString(CultureInfo.InvariantCulture)}";
            if (!values.ContainsKey(prefix) && !values.Keys.Any(k => k.StartsWith(prefix + ".", StringComparison.Ordinal)))
            {
                yield break;
            }

            yield return prefix;
        }
    }

    /// <summary>A list of strings; an empty list is sent as the bare name with no value.</summary>
    private List<string>? List(string name)
    {
        var items = Members(name).Select(p => Get(p) ?? "").ToList();
        return items.Count > 0 ? items : values.ContainsKey(name) ? [] : null;
    }

    private int? Int(string name) => Get(name) is { } text
        ? int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(text, name)
        : null;

    private double? Double(string name) => Get(name) is { } text
        ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(text, name)
        : null;

    private bool? Bool(string name) => Get(name) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        var text => throw Invalid(text, name),
    };

    private DateTimeOffset? Timestamp(string name) => Get(name) is { } text
        ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : throw Invalid(text, name)
        : null;

    private static JsonElement CreatePresent()
    {
        using var document = JsonDocument.Parse("[{}]");
        return document.RootElement.Clone();
    }

    private static AwsServiceException Invalid(string value, string name) =>
        CloudWatchErrors.InvalidParameterValue($"The value {value} for parameter {name} is invalid.");
}
