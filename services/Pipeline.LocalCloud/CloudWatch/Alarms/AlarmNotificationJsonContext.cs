using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.CloudWatch.Alarms;

/// <summary>The alarm notification's JSON: members as CloudWatch names them, nulls written (CloudWatch writes <c>"Unit": null</c>).</summary>
[JsonSerializable(typeof(AlarmNotification))]
internal sealed partial class AlarmNotificationJsonContext : JsonSerializerContext;
