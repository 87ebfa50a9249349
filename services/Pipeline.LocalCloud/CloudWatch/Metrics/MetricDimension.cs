namespace Pipeline.LocalCloud.CloudWatch.Metrics;

/// <summary>A dimension of a metric: CloudWatch tells two metrics apart by their namespace, name and every dimension.</summary>
public sealed record MetricDimension(string Name, string Value);
