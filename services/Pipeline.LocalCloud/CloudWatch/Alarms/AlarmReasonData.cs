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
