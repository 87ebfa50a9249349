namespace Pipeline.LocalCloud.CloudWatch.Api;

/// <summary>The model's <c>Metric</c>.</summary>
internal sealed record MetricOutput(string Namespace, string MetricName, IReadOnlyList<DimensionEntry> Dimensions);
