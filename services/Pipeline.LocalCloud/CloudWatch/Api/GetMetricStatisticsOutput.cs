namespace Pipeline.LocalCloud.CloudWatch.Api;

/// <summary>GetMetricStatistics answer.</summary>
internal sealed record GetMetricStatisticsOutput(string Label, IReadOnlyList<DatapointOutput> Datapoints);
