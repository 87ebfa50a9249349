using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Sns;

namespace Pipeline.LocalCloud.CloudWatch.Alarms;

/// <summary>
/// Runs an alarm's actions on a state change: publishes CloudWatch's notification to each SNS topic among them,
/// in process through LocalCloud's SNS (so the topic's subscribers get it and messages.jsonl keeps it).
/// </summary>
internal sealed partial class AlarmNotifier(Func<SnsService> sns, LocalCloudOptions cloud, ILogger<AlarmNotifier> logger)
{
    /// <summary>SNS takes subjects under 100 characters; a longer one would lose the whole notification.</summary>
    private const int MaxSubjectLength = SnsLimits.MaxSubjectLength - 1;

    /// <summary>
    /// CloudWatch's subject: <c>ALARM: "name" in US East (N. Virginia)</c>, cut to what SNS accepts (non-ASCII
    /// characters, which SNS refuses in subjects, become '?').
    /// </summary>
    public static string Subject(MetricAlarm alarm, string region)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        var subject = new string([.. $"{AlarmWireNames.Of(alarm.StateValue)}: \"{alarm.AlarmName}\" in {CloudWatchText.RegionName(region)}".Select(c => c is >= ' ' and <= '~' ? c : '?')]);
        return subject.Length <= MaxSubjectLength ? subject : subject[..MaxSubjectLength];
    }

    /// <summary>The notification of <paramref name="alarm"/>'s change from <paramref name="oldState"/> to its current state.</summary>
    public static AlarmNotification Notification(MetricAlarm alarm, AlarmState oldState, string accountId, string region)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        return new AlarmNotification(
            alarm.AlarmName,
            alarm.AlarmDescription,
            accountId,
            CloudWatchText.Timestamp(alarm.AlarmConfigurationUpdatedTimestamp),
            AlarmWireNames.Of(alarm.StateValue),
            alarm.StateReason,
            CloudWatchText.Timestamp(alarm.StateUpdatedTimestamp),
            CloudWatchText.RegionName(region),
            alarm.AlarmArn,
            AlarmWireNames.Of(oldState),
            alarm.OKActions,
            alarm.AlarmActions,
            alarm.InsufficientDataActions,
            new AlarmTrigger(
                alarm.MetricName,
                alarm.Namespace,
                "Statistic",
                alarm.Statistic.ToString().ToUpperInvariant(),
                alarm.Unit,
                [.. alarm.Dimensions.Select(d => new AlarmNotificationDimension(d.Value, d.Name))],
                alarm.Period,
                alarm.EvaluationPeriods,
                alarm.DatapointsToAlarm,
                alarm.ComparisonOperator.ToString(),
                alarm.Threshold,
                AlarmWireNames.Of(alarm.TreatMissingData),
                ""));
    }

    /// <summary>Publishes to the SNS actions of the alarm's new state; a failing action is logged, the others still run.</summary>
    public void Notify(MetricAlarm alarm, AlarmState oldState)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        if (!alarm.ActionsEnabled)
        {
            return;
        }

        var actions = alarm.ActionsFor(alarm.StateValue);
        if (actions.Count == 0)
        {
            return;
        }

        var subject = Subject(alarm, cloud.Region);
        var message = CloudWatchJson.Serialize(Notification(alarm, oldState, cloud.AccountId, cloud.Region), AlarmNotificationJsonContext.Default.AlarmNotification);
        foreach (var action in actions)
        {
            try
            {
                var id = sns().Publish(action, message, subject, new Dictionary<string, SnsMessageAttribute>());
                LogNotified(alarm.AlarmName, AlarmWireNames.Of(alarm.StateValue), action, id);
            }
            catch (AwsServiceException e)
            {
                // As in AWS, a missing topic fails the action, not the alarm; the state change stands.
                LogActionFailed(alarm.AlarmName, action, e.Code, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CloudWatch: alarm {Alarm} is {State}; notified {Topic} ({MessageId})")]
    private partial void LogNotified(string alarm, string state, string topic, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CloudWatch: alarm {Alarm} could not notify {Topic}: {Code} {Reason}")]
    private partial void LogActionFailed(string alarm, string topic, string code, string reason);
}
