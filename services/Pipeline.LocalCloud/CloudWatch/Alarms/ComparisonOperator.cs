using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.CloudWatch.Alarms;

/// <summary>How a statistic is compared with the threshold; the anomaly-detection operators are not served locally.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ComparisonOperator>))]
public enum ComparisonOperator
{
    GreaterThanOrEqualToThreshold,
    GreaterThanThreshold,
    LessThanThreshold,
    LessThanOrEqualToThreshold,
}
