using Pipeline.LocalCloud.CloudWatch.Metrics;

namespace Pipeline.LocalCloud.CloudWatch.Emf;

/// <summary>
/// What a log line held: not an embedded metric document (a plain log line), a valid one with its samples, or one
/// that tried to be (it has <c>_aws</c>) and broke the specification, with the first rule it broke.
/// </summary>
public sealed record EmbeddedMetricResult(bool IsEmbeddedMetric, IReadOnlyList<MetricSample> Samples, string? Error)
{
    public static EmbeddedMetricResult NotEmbeddedMetric { get; } = new(false, [], null);

    public static EmbeddedMetricResult Invalid(string error) => new(true, [], error);

    public static EmbeddedMetricResult Valid(IReadOnlyList<MetricSample> samples) => new(true, samples, null);
}
