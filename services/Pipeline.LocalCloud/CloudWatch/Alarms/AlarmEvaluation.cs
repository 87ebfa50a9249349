namespace Pipeline.LocalCloud.CloudWatch.Alarms;

/// <summary>What one evaluation of an alarm concluded: the state, and why, in CloudWatch's words and JSON.</summary>
public sealed record AlarmEvaluation(AlarmState State, string Reason, string ReasonData);

/// <summary>One period an evaluation looked at, in the state reason data (<c>evaluatedDatapoints</c>).</summary>
/// <param name="Timestamp">The period's start, as CloudWatch writes it (<c>2026-03-14T10:00:00.000+0000</c>).</param>
/// <param name="SampleCount">Samples in the period; null when it had none.</param>
/// <param name="Value">The statistic; null when the period had no data.</param>
public sealed record EvaluatedDatapoint(string Timestamp, double? SampleCount, double? Value);
