namespace Pipeline.LocalCloud.CloudWatch.Api;

/// <summary>GetMetricStatistics request; extended statistics (percentiles) are refused.</summary>
internal sealed record GetMetricStatisticsInput(
    string? Namespace,
    string? MetricName,
    List<DimensionEntry>? Dimensions,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime,
    int? Period,
    List<string>? Statistics,
    List<string>? ExtendedStatistics,
    string? Unit);
