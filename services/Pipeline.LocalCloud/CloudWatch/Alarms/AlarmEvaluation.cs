namespace Pipeline.LocalCloud.CloudWatch.Alarms;

/// <summary>What one evaluation of an alarm concluded: the state, and why, in CloudWatch's words and JSON.</summary>
public sealed record AlarmEvaluation(AlarmState State, string Reason, string ReasonData);
