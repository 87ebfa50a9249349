namespace Pipeline.LocalCloud.CloudWatch.Metrics;

/// <summary>Samples of one metric at one time, as PutMetricData or an embedded metric document delivers them.</summary>
/// <param name="Unit">A CloudWatch standard unit; <c>None</c> when the sender gave none.</param>
public sealed record MetricSample(MetricIdentity Metric, DateTimeOffset Timestamp, StatisticSet Values, string Unit);

/// <summary>The samples of one period of a metric (one GetMetricStatistics datapoint); <paramref name="Unit"/> is null when units were merged.</summary>
public sealed record MetricAggregate(DateTimeOffset Timestamp, string? Unit, StatisticSet Values);
