using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.CloudWatch.Metrics;

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
