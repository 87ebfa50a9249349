namespace Pipeline.LocalCloud.CloudWatch.Api;

/// <summary>DescribeAlarms request; the composite-alarm filters (children, parents) match nothing locally.</summary>
internal sealed record DescribeAlarmsInput(
    List<string>? AlarmNames,
    string? AlarmNamePrefix,
    List<string>? AlarmTypes,
    string? ChildrenOfAlarmName,
    string? ParentsOfAlarmName,
    string? StateValue,
    string? ActionPrefix,
    int? MaxRecords,
    string? NextToken);
