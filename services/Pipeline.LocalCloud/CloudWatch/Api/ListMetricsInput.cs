namespace Pipeline.LocalCloud.CloudWatch.Api;

/// <summary>ListMetrics request; linked accounts do not exist locally.</summary>
internal sealed record ListMetricsInput(
    string? Namespace,
    string? MetricName,
    List<DimensionFilterEntry>? Dimensions,
    string? NextToken,
    string? RecentlyActive,
    bool? IncludeLinkedAccounts,
    string? OwningAccount);
