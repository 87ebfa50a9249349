namespace Pipeline.LocalCloud.CloudWatch.Api;

/// <summary>ListMetrics answer.</summary>
internal sealed record ListMetricsOutput(IReadOnlyList<MetricOutput> Metrics, string? NextToken);
