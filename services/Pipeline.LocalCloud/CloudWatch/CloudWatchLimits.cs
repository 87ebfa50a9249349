namespace Pipeline.LocalCloud.CloudWatch;

/// <summary>CloudWatch's limits that callers can observe (from the API model and reference), and LocalCloud's own bounds.</summary>
public static class CloudWatchLimits
{
    /// <summary>Alarm names are 1 to 255 characters.</summary>
    public const int MaxAlarmNameLength = 255;

    /// <summary>An alarm description is at most 1024 characters.</summary>
    public const int MaxAlarmDescriptionLength = 1024;

    /// <summary>Each of OKActions, AlarmActions and InsufficientDataActions holds at most 5 ARNs.</summary>
    public const int MaxActionsPerState = 5;

    /// <summary>A metric has at most 30 dimensions (PutMetricData, alarms, embedded metric dimension sets).</summary>
    public const int MaxDimensions = 30;

    /// <summary>Dimension names are 1 to 255 characters.</summary>
    public const int MaxDimensionNameLength = 255;

    /// <summary>Dimension values are 1 to 1024 characters.</summary>
    public const int MaxDimensionValueLength = 1024;

    /// <summary>Namespaces and metric names are 1 to 255 characters.</summary>
    public const int MaxNameLength = 255;

    /// <summary>PutMetricData takes at most 1000 metrics per request.</summary>
    public const int MaxMetricDataPerPut = 1000;

    /// <summary>A PutMetricData request body is at most 1 MB.</summary>
    public const int MaxPutMetricDataBytes = 1024 * 1024;

    /// <summary>A PutMetricAlarm request is at most 120 KB.</summary>
    public const int MaxPutMetricAlarmBytes = 120 * 1024;

    /// <summary>A datum's Values (and Counts) hold at most 150 entries.</summary>
    public const int MaxValuesPerDatum = 150;

    /// <summary>Values beyond ±2^360 are refused, as are NaN and the infinities.</summary>
    public static readonly double MaxValueMagnitude = Math.Pow(2, 360);

    /// <summary>DeleteAlarms and DescribeAlarms' AlarmNames take at most 100 names.</summary>
    public const int MaxAlarmNamesPerCall = 100;

    /// <summary>DescribeAlarms answers 1 to 100 alarms per page (default 50).</summary>
    public const int MaxRecords = 100;

    public const int DefaultMaxRecords = 50;

    /// <summary>ListMetrics answers at most 500 metrics per page.</summary>
    public const int MetricsPerPage = 500;

    /// <summary>ListMetrics filters on at most 10 dimensions.</summary>
    public const int MaxDimensionFilters = 10;

    /// <summary>GetMetricStatistics answers at most 1440 datapoints.</summary>
    public const int MaxDatapoints = 1440;

    /// <summary>PutMetricData accepts timestamps at most two weeks old…</summary>
    public static readonly TimeSpan MaxPastTimestamp = TimeSpan.FromDays(14);

    /// <summary>…and at most two hours ahead.</summary>
    public static readonly TimeSpan MaxFutureTimestamp = TimeSpan.FromHours(2);

    /// <summary>
    /// LocalCloud keeps samples this long, in one-second slots (AWS keeps one-second data three hours, one-minute data 15
    /// days): a local alarm or GetMetricStatistics sees nothing older.
    /// </summary>
    public static readonly TimeSpan MetricRetention = TimeSpan.FromHours(3);

    /// <summary>LocalCloud's bound on metrics kept at once; samples of further metrics are dropped.</summary>
    public const int MaxMetrics = 10_000;

    /// <summary>LocalCloud's bound on metric alarms; PutMetricAlarm beyond it answers LimitExceeded.</summary>
    public const int MaxAlarms = 10_000;

    /// <summary>An embedded metric document's directive has at most 100 metrics, each with at most 100 values.</summary>
    public const int MaxEmbeddedMetrics = 100;

    /// <summary>A log event (and so an embedded metric document) is at most 256 KB.</summary>
    public const int MaxLogEventBytes = 256 * 1024;
}
