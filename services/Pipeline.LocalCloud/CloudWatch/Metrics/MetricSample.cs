namespace Pipeline.LocalCloud.CloudWatch.Metrics;

/// <summary>Samples of one metric at one time, as PutMetricData or an embedded metric document delivers them.</summary>
/// <param name="Unit">A CloudWatch standard unit; <c>None</c> when the sender gave none.</param>
public sealed record MetricSample(MetricIdentity Metric, DateTimeOffset Timestamp, StatisticSet Values, string Unit);
