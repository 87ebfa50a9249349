namespace Pipeline.LocalCloud.CloudWatch.Metrics;

/// <summary>The samples of one period of a metric (one GetMetricStatistics datapoint); <paramref name="Unit"/> is null when units were merged.</summary>
public sealed record MetricAggregate(DateTimeOffset Timestamp, string? Unit, StatisticSet Values);
