using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.CloudWatch.Alarms;

/// <summary>A dimension in an alarm notification's Trigger, lower-case as CloudWatch writes it there.</summary>
public sealed record AlarmNotificationDimension(
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("name")] string Name);
