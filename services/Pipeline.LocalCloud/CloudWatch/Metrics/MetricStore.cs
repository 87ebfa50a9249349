using Microsoft.Extensions.Logging;

namespace Pipeline.LocalCloud.CloudWatch.Metrics;

/// <summary>
/// LocalCloud's metrics: in memory only, every sample summed into one-second slots (what AWS keeps of high-resolution
/// metrics) and kept for <see cref="CloudWatchLimits.MetricRetention"/> (three hours, as AWS keeps one-second data),
/// for at most <see cref="CloudWatchLimits.MaxMetrics"/> metrics. A restart forgets them, as a fresh account would
/// have none: the alarms (which persist) keep their states until a period that began after the restart closes. Thread-safe.
/// </summary>
internal sealed partial class MetricStore(TimeProvider time, ILogger<MetricStore> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<MetricIdentity, MetricSeries> _series = [];
    private bool _fullReported;

    /// <summary>When the store began: it holds no sample of earlier periods, whatever they had.</summary>
    public DateTimeOffset Since { get; } = time.GetUtcNow();

    /// <summary>Metrics with samples still kept.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _series.Count;
            }
        }
    }

    /// <summary>
    /// Adds the samples; those outside the retention window (older than it, or more than two hours ahead, which AWS
    /// refuses) and those of a new metric once the store holds <see cref="CloudWatchLimits.MaxMetrics"/> are dropped.
    /// Returns how many were kept.
    /// </summary>
    public int Put(IEnumerable<MetricSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var now = time.GetUtcNow();
        var oldest = (now - CloudWatchLimits.MetricRetention).ToUnixTimeSeconds();
        var newest = (now + CloudWatchLimits.MaxFutureTimestamp).ToUnixTimeSeconds();
        var kept = 0;
        lock (_gate)
        {
            foreach (var sample in samples)
            {
                var second = sample.Timestamp.ToUnixTimeSeconds();
                if (second < oldest || second > newest)
                {
                    continue;
                }

                if (!_series.TryGetValue(sample.Metric, out var series))
                {
                    if (_series.Count >= CloudWatchLimits.MaxMetrics)
                    {
                        ReportFull();
                        continue;
                    }

                    series = new MetricSeries(sample.Metric);
                    _series[sample.Metric] = series;
                }

                var slot = (second, sample.Unit);
                series.Slots[slot] = series.Slots.TryGetValue(slot, out var existing) ? existing.Merge(sample.Values) : sample.Values;
                series.LastSecond = Math.Max(series.LastSecond, second);
                kept++;
            }
        }

        return kept;
    }

    /// <summary>
    /// The samples of <paramref name="metric"/> from <paramref name="start"/> (inclusive) to <paramref name="end"/>
    /// (exclusive), per <paramref name="periodSeconds"/> counted from <paramref name="start"/>; only periods with samples.
    /// With <paramref name="unit"/>, only samples sent with that unit; without, one aggregate per period and unit
    /// (GetMetricStatistics), or per period with every unit merged when <paramref name="mergeUnits"/> (alarms).
    /// </summary>
    public IReadOnlyList<MetricAggregate> Aggregate(MetricIdentity metric, DateTimeOffset start, DateTimeOffset end, int periodSeconds, string? unit = null, bool mergeUnits = false)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentOutOfRangeException.ThrowIfLessThan(periodSeconds, 1);
        var from = start.ToUnixTimeSeconds();
        var to = end.ToUnixTimeSeconds();
        var periods = new Dictionary<(long Period, string? Unit), StatisticSet>();
        lock (_gate)
        {
            if (!_series.TryGetValue(metric, out var series))
            {
                return [];
            }

            foreach (var ((second, slotUnit), values) in series.Slots)
            {
                if (second < from || second >= to || (unit is not null && slotUnit != unit))
                {
                    continue;
                }

                var key = (from + ((second - from) / periodSeconds * periodSeconds), mergeUnits ? null : slotUnit);
                periods[key] = periods.TryGetValue(key, out var sum) ? sum.Merge(values) : values;
            }
        }

        return [.. periods
            .OrderBy(p => p.Key.Period)
            .ThenBy(p => p.Key.Unit, StringComparer.Ordinal)
            .Select(p => new MetricAggregate(DateTimeOffset.FromUnixTimeSeconds(p.Key.Period), p.Key.Unit, p.Value))];
    }

    /// <summary>
    /// The metrics with samples kept, filtered as ListMetrics filters: namespace, name, and dimensions by name (any
    /// value) or by name and value; <paramref name="activeSince"/> keeps those with a sample since then.
    /// Ordered by namespace, name and dimensions, so pages are stable.
    /// </summary>
    public IReadOnlyList<MetricIdentity> List(string? @namespace, string? metricName, IReadOnlyList<(string Name, string? Value)> dimensions, DateTimeOffset? activeSince = null)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        var since = activeSince?.ToUnixTimeSeconds() ?? long.MinValue;
        lock (_gate)
        {
            return [.. _series.Values
                .Where(s => s.LastSecond >= since)
                .Select(s => s.Metric)
                .Where(m => (@namespace is null || m.Namespace == @namespace)
                    && (metricName is null || m.MetricName == metricName)
                    && dimensions.All(f => m.Dimensions.Any(d => d.Name == f.Name && (f.Value is null || d.Value == f.Value))))
                .OrderBy(m => m.ToString(), StringComparer.Ordinal)];
        }
    }

    /// <summary>Forgets the slots older than the retention window, and the metrics left without any.</summary>
    public void Prune()
    {
        var oldest = (time.GetUtcNow() - CloudWatchLimits.MetricRetention).ToUnixTimeSeconds();
        lock (_gate)
        {
            foreach (var (metric, series) in _series.ToArray())
            {
                foreach (var slot in series.Slots.Keys.Where(k => k.Second < oldest).ToArray())
                {
                    series.Slots.Remove(slot);
                }

                if (series.Slots.Count == 0)
                {
                    _series.Remove(metric);
                }
            }

            if (_series.Count < CloudWatchLimits.MaxMetrics)
            {
                _fullReported = false;
            }
        }
    }

    // Once per filling, not per dropped sample: a chatty function would otherwise flood the log.
    private void ReportFull()
    {
        if (!_fullReported)
        {
            _fullReported = true;
            LogFull(CloudWatchLimits.MaxMetrics);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CloudWatch: {Max} metrics are kept already; samples of new metrics are dropped until older ones expire")]
    private partial void LogFull(int max);
}
