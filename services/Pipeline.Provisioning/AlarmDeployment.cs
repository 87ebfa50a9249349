using System.Globalization;
using Pipeline.Aws;
using Pipeline.Aws.Core;
using Pipeline.Contracts.Datasets;

namespace Pipeline.Provisioning;

/// <summary>
/// The alarm topic and the status alarms of <c>docs/alerting.md</c>, as <c>terraform/modules/observability</c> creates
/// them: per dataset with <c>status_alerts</c> and per alerted status, <c>&lt;name_prefix&gt;-&lt;dataset&gt;-status-&lt;status&gt;</c>
/// sums <c>StatusAlerts</c> of (deployment, dataset, status) in <c>metrics_namespace</c> over 60 s, goes to ALARM above
/// the threshold and notifies the alarm topic, and again on OK. Idempotent: PutMetricAlarm replaces an alarm's
/// configuration and keeps its state.
/// </summary>
public sealed class AlarmDeployment(AwsClientFactory aws, DatasetCatalog catalog, PipelineNames names)
{
    /// <summary>Terraform's <c>status_alert_threshold</c> default: any alerted record in a minute raises the alarm.</summary>
    public const double StatusAlertThreshold = 0;

    /// <summary>CloudWatch's standard period, the one Terraform sets.</summary>
    public const int PeriodSeconds = 60;

    /// <summary>Every (dataset, status) pair that has an alarm, ordered.</summary>
    public IReadOnlyList<(string Dataset, string Status)> StatusAlerts { get; } = [.. catalog.All
        .Where(d => d.StatusAlerts is not null)
        .SelectMany(d => d.StatusAlerts!.Values.Select(status => (d.Name, status)))
        .OrderBy(p => p.Name, StringComparer.Ordinal)
        .ThenBy(p => p.status, StringComparer.Ordinal)];

    /// <summary>The topic every alarm notifies; returns its ARN. CreateTopic returns the existing one.</summary>
    public Task<string> CreateAlarmTopicAsync(CancellationToken cancellationToken) =>
        aws.CreateSns().CreateTopicAsync(names.AlarmTopic, cancellationToken);

    public async Task PutStatusAlarmsAsync(string alarmTopicArn, CancellationToken cancellationToken)
    {
        var cloudWatch = aws.CreateQueryClient(AwsServices.CloudWatch);
        foreach (var (dataset, status) in StatusAlerts)
        {
            await cloudWatch.SendAsync("PutMetricAlarm", StatusAlarm(dataset, status, alarmTopicArn), cancellationToken);
        }
    }

    /// <summary>The PutMetricAlarm parameters of one status alarm, flattened as the Query protocol sends them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> StatusAlarm(string dataset, string status, string alarmTopicArn) =>
    [
        new("AlarmName", names.StatusAlarm(dataset, status)),
        new("AlarmDescription", $"Records of {dataset} reported status {status.ToUpperInvariant()} (more than {Number(StatusAlertThreshold)} a minute)."),
        new("Namespace", catalog.Deployment.MetricsNamespace),
        new("MetricName", StatusAlertDefinition.MetricName),
        new("Dimensions.member.1.Name", "deployment"),
        new("Dimensions.member.1.Value", names.Prefix),
        new("Dimensions.member.2.Name", "dataset"),
        new("Dimensions.member.2.Value", dataset),
        new("Dimensions.member.3.Name", "status"),
        new("Dimensions.member.3.Value", status),
        new("Statistic", "Sum"),
        new("Period", Number(PeriodSeconds)),
        new("EvaluationPeriods", "1"),
        new("ComparisonOperator", "GreaterThanThreshold"),
        new("Threshold", Number(StatusAlertThreshold)),
        new("TreatMissingData", "notBreaching"),
        new("AlarmActions.member.1", alarmTopicArn),
        new("OKActions.member.1", alarmTopicArn),
    ];

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
