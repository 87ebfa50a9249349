namespace Pipeline.LocalCloud.CloudWatch.Api;

/// <summary>DeleteAlarms request.</summary>
internal sealed record DeleteAlarmsInput(List<string>? AlarmNames);
