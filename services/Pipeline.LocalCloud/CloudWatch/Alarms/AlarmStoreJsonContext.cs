using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.CloudWatch.Alarms;

/// <summary><c>&lt;data dir&gt;/cloudwatch/alarms.json</c>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<MetricAlarm>))]
internal sealed partial class AlarmStoreJsonContext : JsonSerializerContext;
