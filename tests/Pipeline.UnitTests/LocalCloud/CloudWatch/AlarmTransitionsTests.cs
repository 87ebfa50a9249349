using System.Text.Json;
using Pipeline.LocalCloud.CloudWatch.Alarms;
using Pipeline.UnitTests.LocalCloud.CloudWatch.Fakes;

namespace Pipeline.UnitTests.LocalCloud.CloudWatch;

/// <summary>
/// The status alarm's life on a fake clock: created INSUFFICIENT_DATA, OK while no alert arrives (notBreaching),
/// ALARM once a period holding one has closed, OK again after a quiet period; each change notifies the topic with
/// CloudWatch's subject and JSON message, and nothing is sent while the state holds.
/// </summary>
public sealed class AlarmTransitionsTests : IDisposable
{
    private readonly CloudWatchHarness _cloud = new();

    public void Dispose() => _cloud.Dispose();

    [Fact]
    public void A_new_alarm_is_unchecked_until_evaluated()
    {
        _cloud.Operations.PutMetricAlarm(_cloud.StatusAlarm());

        var alarm = _cloud.Alarm();
        Assert.Equal(AlarmState.InsufficientData, alarm.StateValue);
        Assert.Equal("Unchecked: Initial alarm creation", alarm.StateReason);
        Assert.Equal(CloudWatchHarness.Start, alarm.StateUpdatedTimestamp);
        Assert.Equal("arn:aws:cloudwatch:us-east-1:000000000000:alarm:pipeline-local-vehicle_telemetry-status-fail", alarm.AlarmArn);
        Assert.Empty(_cloud.Notifications);
    }

    [Fact]
    public void Quiet_then_an_alert_then_quiet_goes_OK_ALARM_OK_with_one_notification_each()
    {
        _cloud.Operations.PutMetricAlarm(_cloud.StatusAlarm());

        _cloud.Alarms.EvaluateAll();
        Assert.Equal(AlarmState.Ok, _cloud.Alarm().StateValue);
        Assert.Equal("Threshold Crossed: no datapoints were received for 1 period and 1 missing datapoint was treated as [NonBreaching].", _cloud.Alarm().StateReason);

        // 10:00:07: two FAIL records. The period 10:00:00-10:00:10 is still open, so nothing changes yet.
        _cloud.Time.Advance(TimeSpan.FromSeconds(2));
        _cloud.Record(2);
        _cloud.Alarms.EvaluateAll();
        Assert.Equal(AlarmState.Ok, _cloud.Alarm().StateValue);

        // 10:00:11: the period has closed with a sum of 2 > 0.
        _cloud.Time.Advance(TimeSpan.FromSeconds(4));
        _cloud.Alarms.EvaluateAll();
        var alarm = _cloud.Alarm();
        Assert.Equal(AlarmState.Alarm, alarm.StateValue);
        Assert.Equal(
            "Threshold Crossed: 1 out of the last 1 datapoints [2.0 (14/03/26 10:00:00)] was greater than the threshold (0.0) (minimum 1 datapoint for OK -> ALARM transition).",
            alarm.StateReason);
        Assert.Equal(CloudWatchHarness.Start.AddSeconds(6), alarm.StateUpdatedTimestamp);
        using (var data = JsonDocument.Parse(alarm.StateReasonData!))
        {
            Assert.Equal("Sum", data.RootElement.GetProperty("statistic").GetString());
            Assert.Equal(2, data.RootElement.GetProperty("recentDatapoints")[0].GetDouble());
            Assert.Equal("2026-03-14T10:00:00.000+0000", data.RootElement.GetProperty("startDate").GetString());
        }

        // Evaluating again within the same state sends nothing.
        _cloud.Time.Advance(TimeSpan.FromSeconds(2));
        _cloud.Alarms.EvaluateAll();

        // 10:00:21: the period 10:00:10-10:00:20 had no alert.
        _cloud.Time.Advance(TimeSpan.FromSeconds(8));
        _cloud.Alarms.EvaluateAll();
        Assert.Equal(AlarmState.Ok, _cloud.Alarm().StateValue);

        var notifications = _cloud.Notifications;
        Assert.Equal(
            [
                "OK: \"pipeline-local-vehicle_telemetry-status-fail\" in US East (N. Virginia)",
                "ALARM: \"pipeline-local-vehicle_telemetry-status-fail\" in US East (N. Virginia)",
                "OK: \"pipeline-local-vehicle_telemetry-status-fail\" in US East (N. Virginia)",
            ],
            notifications.Select(n => n.Subject));
        Assert.All(notifications, n => Assert.Equal(_cloud.TopicArn, n.TopicArn));
    }

    [Fact]
    public void The_alarm_message_has_CloudWatchs_members()
    {
        _cloud.Operations.PutMetricAlarm(_cloud.StatusAlarm());
        _cloud.Alarms.EvaluateAll();
        _cloud.Record(3);
        _cloud.Time.Advance(TimeSpan.FromSeconds(6));
        _cloud.Alarms.EvaluateAll();

        var sent = _cloud.Notifications[^1];
        using var document = JsonDocument.Parse(sent.Message);
        var message = document.RootElement;
        Assert.Equal("pipeline-local-vehicle_telemetry-status-fail", message.GetProperty("AlarmName").GetString());
        Assert.Equal("Records of vehicle_telemetry reported status FAIL.", message.GetProperty("AlarmDescription").GetString());
        Assert.Equal("000000000000", message.GetProperty("AWSAccountId").GetString());
        Assert.Equal("ALARM", message.GetProperty("NewStateValue").GetString());
        Assert.Equal("OK", message.GetProperty("OldStateValue").GetString());
        Assert.StartsWith("Threshold Crossed: 1 out of the last 1 datapoints [3.0 (14/03/26 10:00:00)]", message.GetProperty("NewStateReason").GetString(), StringComparison.Ordinal);
        Assert.Equal("2026-03-14T10:00:11.000+0000", message.GetProperty("StateChangeTime").GetString());
        Assert.Equal("US East (N. Virginia)", message.GetProperty("Region").GetString());
        Assert.Equal("arn:aws:cloudwatch:us-east-1:000000000000:alarm:pipeline-local-vehicle_telemetry-status-fail", message.GetProperty("AlarmArn").GetString());
        Assert.Equal(_cloud.TopicArn, message.GetProperty("AlarmActions")[0].GetString());

        var trigger = message.GetProperty("Trigger");
        Assert.Equal("StatusAlerts", trigger.GetProperty("MetricName").GetString());
        Assert.Equal("Pipeline", trigger.GetProperty("Namespace").GetString());
        Assert.Equal("Statistic", trigger.GetProperty("StatisticType").GetString());
        Assert.Equal("SUM", trigger.GetProperty("Statistic").GetString());
        Assert.Equal(JsonValueKind.Null, trigger.GetProperty("Unit").ValueKind);
        Assert.Equal(10, trigger.GetProperty("Period").GetInt32());
        Assert.Equal(1, trigger.GetProperty("EvaluationPeriods").GetInt32());
        Assert.Equal("GreaterThanThreshold", trigger.GetProperty("ComparisonOperator").GetString());
        Assert.Equal(0, trigger.GetProperty("Threshold").GetDouble());
        Assert.Equal("notBreaching", trigger.GetProperty("TreatMissingData").GetString());
        Assert.Equal(
            [("dataset", "vehicle_telemetry"), ("deployment", "pipeline-local"), ("status", "fail")],
            trigger.GetProperty("Dimensions").EnumerateArray().Select(d => (d.GetProperty("name").GetString(), d.GetProperty("value").GetString())));

        // Written as CloudWatch writes it: no \u escapes for '+' or '>'.
        Assert.Contains("OK -> ALARM", sent.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_metrics_and_other_statuses_do_not_count()
    {
        _cloud.Operations.PutMetricAlarm(_cloud.StatusAlarm());
        _cloud.Record(5, status: "warn");
        _cloud.Time.Advance(TimeSpan.FromSeconds(6));

        _cloud.Alarms.EvaluateAll();

        Assert.Equal(AlarmState.Ok, _cloud.Alarm().StateValue);
    }

    [Fact]
    public void Disabled_actions_change_the_state_but_notify_nobody()
    {
        _cloud.Operations.PutMetricAlarm(_cloud.StatusAlarm() with { ActionsEnabled = false });
        _cloud.Record(1);
        _cloud.Time.Advance(TimeSpan.FromSeconds(6));

        _cloud.Alarms.EvaluateAll();

        Assert.Equal(AlarmState.Alarm, _cloud.Alarm().StateValue);
        Assert.Empty(_cloud.Notifications);
    }

    [Fact]
    public void A_missing_topic_fails_the_action_not_the_alarm()
    {
        _cloud.Operations.PutMetricAlarm(_cloud.StatusAlarm() with { OKActions = ["arn:aws:sns:us-east-1:000000000000:gone"] });

        _cloud.Alarms.EvaluateAll();

        Assert.Equal(AlarmState.Ok, _cloud.Alarm().StateValue);
        Assert.Empty(_cloud.Notifications);
    }

    [Fact]
    public void Updating_an_alarm_keeps_its_state_and_replaces_its_configuration()
    {
        _cloud.Operations.PutMetricAlarm(_cloud.StatusAlarm());
        _cloud.Alarms.EvaluateAll();
        _cloud.Time.Advance(TimeSpan.FromSeconds(30));

        _cloud.Operations.PutMetricAlarm(_cloud.StatusAlarm() with { Threshold = 5, AlarmDescription = null });

        var alarm = _cloud.Alarm();
        Assert.Equal(AlarmState.Ok, alarm.StateValue);
        Assert.Equal(CloudWatchHarness.Start, alarm.StateUpdatedTimestamp);
        Assert.Equal(CloudWatchHarness.Start.AddSeconds(30), alarm.AlarmConfigurationUpdatedTimestamp);
        Assert.Equal(5, alarm.Threshold);
        Assert.Null(alarm.AlarmDescription);
    }
}
