using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.CloudWatch.Alarms;

/// <summary>The JSON message CloudWatch publishes to an alarm's SNS actions when its state changes, member for member.</summary>
/// <param name="Region">The region's name, not its code (<c>US East (N. Virginia)</c>).</param>
public sealed record AlarmNotification(
    string AlarmName,
    string? AlarmDescription,
    [property: JsonPropertyName("AWSAccountId")] string AwsAccountId,
    string AlarmConfigurationUpdatedTimestamp,
    string NewStateValue,
    string NewStateReason,
    string StateChangeTime,
    string Region,
    string AlarmArn,
    string OldStateValue,
    IReadOnlyList<string> OKActions,
    IReadOnlyList<string> AlarmActions,
    IReadOnlyList<string> InsufficientDataActions,
    AlarmTrigger Trigger);

/// <summary>A dimension in an alarm notification's Trigger, lower-case as CloudWatch writes it there.</summary>
public sealed record AlarmNotificationDimension(
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("name")] string Name);

/// <summary>The alarm notification's JSON: members as CloudWatch names them, nulls written (CloudWatch writes <c>"Unit": null</c>).</summary>
[JsonSerializable(typeof(AlarmNotification))]
internal sealed partial class AlarmNotificationJsonContext : JsonSerializerContext;
