using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.AwsShapes.CloudWatch;
using Pipeline.LocalCloud.CloudWatch.Alarms;
using Pipeline.LocalCloud.CloudWatch.Api;
using Pipeline.LocalCloud.CloudWatch.Metrics;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Sns;
using Pipeline.UnitTests.LocalCloud.Events.Fakes;
using Pipeline.UnitTests.LocalCloud.Sns.Fakes;
using Pipeline.UnitTests.Support;

namespace Pipeline.UnitTests.LocalCloud.CloudWatch.Fakes;

/// <summary>
/// LocalCloud's CloudWatch wired as the registration wires it, over a temporary data directory, a fake clock and a real
/// SNS with the topic <see cref="TopicName"/>; <see cref="Reopen"/> builds it again over the same directory (a restart).
/// </summary>
internal sealed class CloudWatchHarness : IDisposable
{
    public const string TopicName = "pipeline-local-alarms";

    /// <summary>Five seconds into a minute (and so into a 10-second period).</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 14, 10, 0, 5, TimeSpan.Zero);

    private readonly string _directory;

    public CloudWatchHarness(string? directory = null, PendingTimersTimeProvider? time = null)
    {
        _directory = directory ?? Directory.CreateTempSubdirectory("cloudwatch-unit-").FullName;
        Time = time ?? new PendingTimersTimeProvider(Start);
        Cloud = new LocalCloudOptions { DataDirectory = _directory };
        Sns = new SnsService(Cloud, () => new RecordingFunctionInvoker(), () => new RecordingSqsQueues(), Time, NullLogger<SnsService>.Instance);
        TopicArn = Sns.CreateTopic(TopicName);
        Metrics = new MetricStore(Time, NullLogger<MetricStore>.Instance);
        Store = new AlarmStore(Cloud, NullLogger<AlarmStore>.Instance);
        Alarms = new AlarmService(Store, Metrics, new AlarmNotifier(() => Sns, Cloud, NullLogger<AlarmNotifier>.Instance), Time, NullLogger<AlarmService>.Instance);
        Operations = new CloudWatchOperations(Alarms, Cloud, Time);
    }

    public PendingTimersTimeProvider Time { get; }

    public LocalCloudOptions Cloud { get; }

    public SnsService Sns { get; }

    public string TopicArn { get; }

    public MetricStore Metrics { get; }

    public AlarmStore Store { get; }

    public AlarmService Alarms { get; }

    public CloudWatchOperations Operations { get; }

    /// <summary>What the alarm topic received, oldest first.</summary>
    public IReadOnlyList<SnsMessage> Notifications => Sns.Read(TopicName);

    /// <summary>The same data directory and clock, everything else new: what a LocalCloud restart keeps.</summary>
    public CloudWatchHarness Reopen() => new(_directory, Time);

    /// <summary>The status alarm as provisioning creates it: Sum of StatusAlerts over one period, above 0, notBreaching.</summary>
    public PutMetricAlarmInput StatusAlarm(string name = "pipeline-local-vehicle_telemetry-status-fail", int period = 10) => new()
    {
        AlarmName = name,
        AlarmDescription = "Records of vehicle_telemetry reported status FAIL.",
        Namespace = "Pipeline",
        MetricName = "StatusAlerts",
        Dimensions = [new() { Name = "deployment", Value = "pipeline-local" }, new() { Name = "dataset", Value = "vehicle_telemetry" }, new() { Name = "status", Value = "fail" }],
        Statistic = "Sum",
        Period = period,
        EvaluationPeriods = 1,
        Threshold = 0,
        ComparisonOperator = "GreaterThanThreshold",
        TreatMissingData = "notBreaching",
        AlarmActions = [TopicArn],
        OKActions = [TopicArn],
    };

    public static MetricIdentity StatusMetric(string status = "fail") =>
        new("Pipeline", "StatusAlerts", [new("deployment", "pipeline-local"), new("dataset", "vehicle_telemetry"), new("status", status)]);

    /// <summary>Records <paramref name="value"/> of the status metric now.</summary>
    public void Record(double value, string status = "fail") =>
        Metrics.Put([new MetricSample(StatusMetric(status), Time.GetUtcNow(), StatisticSet.Of(value), "Count")]);

    public MetricAlarm Alarm(string name = "pipeline-local-vehicle_telemetry-status-fail") =>
        Alarms.Find(name) ?? throw new InvalidOperationException($"No alarm {name}.");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
