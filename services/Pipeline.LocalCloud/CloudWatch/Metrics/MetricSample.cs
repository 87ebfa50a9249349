using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.CloudWatch.Metrics;

/// <summary>Samples of one metric at one time, as PutMetricData or an embedded metric document delivers them.</summary>
/// <param name="Unit">A CloudWatch standard unit; <c>None</c> when the sender gave none.</param>
public sealed record MetricSample(MetricIdentity Metric, DateTimeOffset Timestamp, StatisticSet Values, string Unit);

/// <summary>The samples of one period of a metric (one GetMetricStatistics datapoint); <paramref name="Unit"/> is null when units were merged.</summary>
public sealed record MetricAggregate(DateTimeOffset Timestamp, string? Unit, StatisticSet Values);

/// <summary>CloudWatch's standard statistics (the model's <c>Statistic</c> enum); percentiles are not kept locally.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MetricStatistic>))]
public enum MetricStatistic
{
    SampleCount,
    Average,
    Sum,
    Minimum,
    Maximum,
}

/// <summary>One metric's samples, summed per second and unit: the resolution of CloudWatch's high-resolution metrics.</summary>
internal sealed class MetricSeries(MetricIdentity metric)
{
    public MetricIdentity Metric { get; } = metric;

    /// <summary>Unix second and unit to the samples of that second.</summary>
    public Dictionary<(long Second, string Unit), StatisticSet> Slots { get; } = [];

    /// <summary>The newest second holding a sample, for ListMetrics' RecentlyActive.</summary>
    public long LastSecond { get; set; } = long.MinValue;
}
