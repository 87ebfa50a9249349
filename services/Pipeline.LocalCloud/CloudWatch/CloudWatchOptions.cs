namespace Pipeline.LocalCloud.CloudWatch;

/// <summary>
/// How LocalCloud's CloudWatch evaluates alarms. Bound from the <c>LocalCloud:CloudWatch</c> configuration section,
/// e.g. <c>--LocalCloud:CloudWatch:EvaluationInterval=00:00:05</c>.
/// </summary>
public sealed class CloudWatchOptions
{
    public const string Section = "LocalCloud:CloudWatch";

    /// <summary>
    /// How often every alarm is evaluated. Each evaluation looks at the periods that have closed, so this only bounds
    /// how late a closed period is noticed (AWS evaluates about once a period, at least every minute).
    /// </summary>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromSeconds(2);
}
