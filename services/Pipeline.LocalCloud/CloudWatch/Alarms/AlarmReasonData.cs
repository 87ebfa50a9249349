using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.CloudWatch.Alarms;

/// <summary>The machine-readable reason of a state (<c>StateReasonData</c>), in the shape CloudWatch writes it.</summary>
public sealed record AlarmReasonData(
    string Version,
    string QueryDate,
    string StartDate,
    string Statistic,
    int Period,
    IReadOnlyList<double> RecentDatapoints,
    double Threshold,
    IReadOnlyList<EvaluatedDatapoint> EvaluatedDatapoints);

/// <summary>StateReasonData's JSON: camel-case members, absent values omitted.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AlarmReasonData))]
internal sealed partial class AlarmReasonJsonContext : JsonSerializerContext;
