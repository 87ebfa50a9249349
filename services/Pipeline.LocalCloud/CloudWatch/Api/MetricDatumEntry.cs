namespace Pipeline.LocalCloud.CloudWatch.Api;

/// <summary>The model's <c>MetricDatum</c>: one value, a statistic set, or values with counts.</summary>
internal sealed record MetricDatumEntry(
    string? MetricName,
    List<DimensionEntry>? Dimensions,
    DateTimeOffset? Timestamp,
    double? Value,
    StatisticSetEntry? StatisticValues,
    List<double>? Values,
    List<double>? Counts,
    string? Unit,
    int? StorageResolution);
