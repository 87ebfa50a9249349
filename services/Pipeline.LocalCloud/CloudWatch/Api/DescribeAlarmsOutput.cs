namespace Pipeline.LocalCloud.CloudWatch.Api;

/// <summary>DescribeAlarms answer; LocalCloud has no composite alarms, so that list is always empty.</summary>
internal sealed record DescribeAlarmsOutput(IReadOnlyList<EmptyOutput> CompositeAlarms, IReadOnlyList<MetricAlarmOutput> MetricAlarms, string? NextToken);
