using System.Text.Json.Serialization;
using Pipeline.LocalCloud.CloudWatch.Metrics;

namespace Pipeline.LocalCloud.CloudWatch.Alarms;

/// <summary>The API's spelling of the alarm enums, both ways; parsing is case-sensitive, as CloudWatch's is.</summary>
public static class AlarmWireNames
{
    public static string Of(AlarmState state) => state switch
    {
        AlarmState.Ok => "OK",
        AlarmState.Alarm => "ALARM",
        _ => "INSUFFICIENT_DATA",
    };

    public static string Of(MissingDataTreatment treatment) => treatment switch
    {
        MissingDataTreatment.NotBreaching => "notBreaching",
        MissingDataTreatment.Breaching => "breaching",
        MissingDataTreatment.Ignore => "ignore",
        _ => "missing",
    };

    public static AlarmState? ParseState(string? text) => text switch
    {
        "OK" => AlarmState.Ok,
        "ALARM" => AlarmState.Alarm,
        "INSUFFICIENT_DATA" => AlarmState.InsufficientData,
        _ => null,
    };

    public static MissingDataTreatment? ParseTreatment(string? text) => text switch
    {
        "missing" => MissingDataTreatment.Missing,
        "notBreaching" => MissingDataTreatment.NotBreaching,
        "breaching" => MissingDataTreatment.Breaching,
        "ignore" => MissingDataTreatment.Ignore,
        _ => null,
    };

    public static ComparisonOperator? ParseOperator(string? text) => text switch
    {
        "GreaterThanOrEqualToThreshold" => ComparisonOperator.GreaterThanOrEqualToThreshold,
        "GreaterThanThreshold" => ComparisonOperator.GreaterThanThreshold,
        "LessThanThreshold" => ComparisonOperator.LessThanThreshold,
        "LessThanOrEqualToThreshold" => ComparisonOperator.LessThanOrEqualToThreshold,
        _ => null,
    };

    public static MetricStatistic? ParseStatistic(string? text) => text switch
    {
        "SampleCount" => MetricStatistic.SampleCount,
        "Average" => MetricStatistic.Average,
        "Sum" => MetricStatistic.Sum,
        "Minimum" => MetricStatistic.Minimum,
        "Maximum" => MetricStatistic.Maximum,
        _ => null,
    };
}

/// <summary>An alarm's state (the model's <c>StateValue</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlarmState>))]
public enum AlarmState
{
    [JsonStringEnumMemberName("INSUFFICIENT_DATA")]
    InsufficientData,

    [JsonStringEnumMemberName("OK")]
    Ok,

    [JsonStringEnumMemberName("ALARM")]
    Alarm,
}

/// <summary>How a statistic is compared with the threshold; the anomaly-detection operators are not served locally.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ComparisonOperator>))]
public enum ComparisonOperator
{
    GreaterThanOrEqualToThreshold,
    GreaterThanThreshold,
    LessThanThreshold,
    LessThanOrEqualToThreshold,
}

/// <summary>How an alarm treats a period without data (the model's <c>TreatMissingData</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MissingDataTreatment>))]
public enum MissingDataTreatment
{
    /// <summary>Not considered; with no data at all the alarm goes to INSUFFICIENT_DATA (the default).</summary>
    [JsonStringEnumMemberName("missing")]
    Missing,

    /// <summary>Counted as within the threshold.</summary>
    [JsonStringEnumMemberName("notBreaching")]
    NotBreaching,

    /// <summary>Counted as breaching the threshold.</summary>
    [JsonStringEnumMemberName("breaching")]
    Breaching,

    /// <summary>Not considered; with no data at all the alarm keeps its state.</summary>
    [JsonStringEnumMemberName("ignore")]
    Ignore,
}
