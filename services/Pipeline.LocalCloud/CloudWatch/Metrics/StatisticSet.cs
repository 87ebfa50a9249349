namespace Pipeline.LocalCloud.CloudWatch.Metrics;

/// <summary>
/// The four numbers CloudWatch keeps of the samples in a time slot (its <c>StatisticSet</c>): every statistic this
/// LocalCloud answers (Sum, SampleCount, Average, Minimum, Maximum) is one of them or follows from them.
/// </summary>
public readonly record struct StatisticSet(double SampleCount, double Sum, double Minimum, double Maximum)
{
    public double Average => SampleCount == 0 ? 0 : Sum / SampleCount;

    public static StatisticSet Of(double value) => new(1, value, value, value);

    /// <summary><paramref name="count"/> samples of <paramref name="value"/> (PutMetricData's Values and Counts).</summary>
    public static StatisticSet Of(double value, double count) => new(count, value * count, value, value);

    public StatisticSet Merge(StatisticSet other) => new(
        SampleCount + other.SampleCount,
        Sum + other.Sum,
        Math.Min(Minimum, other.Minimum),
        Math.Max(Maximum, other.Maximum));

    public double Value(MetricStatistic statistic) => statistic switch
    {
        MetricStatistic.SampleCount => SampleCount,
        MetricStatistic.Sum => Sum,
        MetricStatistic.Average => Average,
        MetricStatistic.Minimum => Minimum,
        MetricStatistic.Maximum => Maximum,
        _ => throw new ArgumentOutOfRangeException(nameof(statistic), statistic, null),
    };
}
