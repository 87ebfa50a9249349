namespace Pipeline.LocalCloud.CloudWatch.Api;

/// <summary>The model's <c>StatisticSet</c>.</summary>
internal sealed record StatisticSetEntry(double? SampleCount, double? Sum, double? Minimum, double? Maximum);
