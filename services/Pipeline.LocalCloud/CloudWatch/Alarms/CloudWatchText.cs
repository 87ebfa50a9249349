using System.Globalization;

namespace Pipeline.LocalCloud.CloudWatch.Alarms;

/// <summary>How CloudWatch writes numbers and times in state reasons and alarm notifications.</summary>
public static class CloudWatchText
{
    /// <summary>As Java prints a double, which CloudWatch's reasons show: <c>2.0</c>, <c>0.5</c>, <c>99.50160229693434</c>.</summary>
    public static string Number(double value) =>
        double.IsFinite(value) && value == Math.Floor(value) && Math.Abs(value) < 1e7
            ? value.ToString("0.0", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A datapoint's time in a state reason: <c>14/03/26 10:00:00</c>.</summary>
    public static string ReasonTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("dd/MM/yy HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Times in reason data and notifications: <c>2026-03-14T10:00:00.000+0000</c>.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    /// <summary>How a reason says a value compares with the threshold.</summary>
    public static string Comparison(ComparisonOperator comparison) => comparison switch
    {
        ComparisonOperator.GreaterThanOrEqualToThreshold => "greater than or equal to",
        ComparisonOperator.GreaterThanThreshold => "greater than",
        ComparisonOperator.LessThanThreshold => "less than",
        _ => "less than or equal to",
    };

    /// <summary>The region's name as CloudWatch's notifications give it (<c>US East (N. Virginia)</c>); the code for others.</summary>
    public static string RegionName(string region) => region switch
    {
        "us-east-1" => "US East (N. Virginia)",
        "us-east-2" => "US East (Ohio)",
        "us-west-1" => "US West (N. California)",
        "us-west-2" => "US West (Oregon)",
        "eu-west-1" => "EU (Ireland)",
        "eu-west-2" => "EU (London)",
        "eu-west-3" => "EU (Paris)",
        "eu-central-1" => "EU (Frankfurt)",
        "eu-north-1" => "EU (Stockholm)",
        "ap-northeast-1" => "Asia Pacific (Tokyo)",
        "ap-southeast-1" => "Asia Pacific (Singapore)",
        "ap-southeast-2" => "Asia Pacific (Sydney)",
        _ => region,
    };
}
