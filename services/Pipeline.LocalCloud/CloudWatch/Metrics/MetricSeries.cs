namespace Pipeline.LocalCloud.CloudWatch.Metrics;

/// <summary>One metric's samples, summed per second and unit: the resolution of CloudWatch's high-resolution metrics.</summary>
internal sealed class MetricSeries(MetricIdentity metric)
{
    public MetricIdentity Metric { get; } = metric;

    /// <summary>Unix second and unit to the samples of that second.</summary>
    public Dictionary<(long Second, string Unit), StatisticSet> Slots { get; } = [];

    /// <summary>The newest second holding a sample, for ListMetrics' RecentlyActive.</summary>
    public long LastSecond { get; set; } = long.MinValue;
}
