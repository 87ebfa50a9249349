using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.CloudWatch.Api;

/// <summary>
/// CloudWatch's JSON 1.0 shapes: member names as the model spells them, absent members omitted, timestamps as epoch
/// seconds, and "NaN"/"Infinity" read as numbers so they are refused with CloudWatch's error rather than a parse error.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(PutMetricAlarmInput))]
[JsonSerializable(typeof(DescribeAlarmsInput))]
[JsonSerializable(typeof(DescribeAlarmsOutput))]
[JsonSerializable(typeof(DeleteAlarmsInput))]
[JsonSerializable(typeof(PutMetricDataInput))]
[JsonSerializable(typeof(GetMetricStatisticsInput))]
[JsonSerializable(typeof(GetMetricStatisticsOutput))]
[JsonSerializable(typeof(ListMetricsInput))]
[JsonSerializable(typeof(ListMetricsOutput))]
[JsonSerializable(typeof(EmptyOutput))]
internal sealed partial class CloudWatchApiJsonContext : JsonSerializerContext;
