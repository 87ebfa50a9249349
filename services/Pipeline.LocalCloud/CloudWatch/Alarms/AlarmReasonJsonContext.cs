using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.CloudWatch.Alarms;

/// <summary>StateReasonData's JSON: camel-case members, absent values omitted.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AlarmReasonData))]
internal sealed partial class AlarmReasonJsonContext : JsonSerializerContext;
