using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.IntegrationTests.LocalCloud.Cli;
using Pipeline.LocalCloud.Sns;

namespace Pipeline.IntegrationTests.LocalCloud.CloudWatch;

/// <summary>
/// The AWS CLI (botocore speaks CloudWatch's JSON protocol) creates an alarm, puts a datapoint and watches the alarm
/// go to ALARM and notify its topic; a bad alarm is refused with CloudWatch's code.
/// </summary>
public sealed class CloudWatchCliAlarmTests(LocalCloudFixture cloud) : IClassFixture<LocalCloudFixture>
{
    [AwsCliFact]
    public async Task An_alarm_put_with_the_CLI_goes_to_ALARM_on_its_datapoint_and_notifies_its_topic()
    {
        var cli = cloud.Cli;
        var topic = (await cli.RunAsync("sns", "create-topic", "--name", "cli-alarms")).Json.GetProperty("TopicArn").GetString()!;

        var put = await cli.RunAsync(
            "cloudwatch", "put-metric-alarm", "--alarm-name", "cli-status-fail", "--namespace", "Pipeline", "--metric-name", "StatusAlerts",
            "--dimensions", "Name=status,Value=fail", "--statistic", "Sum", "--period", "10", "--evaluation-periods", "1",
            "--threshold", "0", "--comparison-operator", "GreaterThanThreshold", "--treat-missing-data", "notBreaching",
            "--alarm-actions", topic, "--ok-actions", topic);
        var data = await cli.RunAsync("cloudwatch", "put-metric-data", "--namespace", "Pipeline", "--metric-name", "StatusAlerts", "--dimensions", "status=fail", "--value", "3", "--unit", "Count");
        Assert.True(put.ExitCode == 0, put.Stderr);
        Assert.True(data.ExitCode == 0, data.Stderr);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement alarm;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var described = await cli.RunAsync("cloudwatch", "describe-alarms", "--alarm-names", "cli-status-fail");
            Assert.True(described.ExitCode == 0, described.Stderr);
            alarm = Assert.Single(described.Json.GetProperty("MetricAlarms").EnumerateArray());
        }
        while (alarm.GetProperty("StateValue").GetString() != "ALARM" && DateTime.UtcNow < deadline);

        Assert.Equal("ALARM", alarm.GetProperty("StateValue").GetString());
        Assert.Equal([topic], alarm.GetProperty("AlarmActions").EnumerateArray().Select(a => a.GetString()));
        var messages = cloud.App.Services.GetRequiredService<ISnsMessages>().Read("cli-alarms");
        var notification = JsonDocument.Parse(messages.Last().Message).RootElement;
        Assert.Equal(("cli-status-fail", "ALARM"), (notification.GetProperty("AlarmName").GetString(), notification.GetProperty("NewStateValue").GetString()));
    }

    [AwsCliFact]
    public async Task A_period_CloudWatch_refuses_is_a_ValidationError()
    {
        var refused = await cloud.Cli.RunAsync(
            "cloudwatch", "put-metric-alarm", "--alarm-name", "cli-bad", "--namespace", "Pipeline", "--metric-name", "StatusAlerts",
            "--statistic", "Sum", "--period", "45", "--evaluation-periods", "1", "--threshold", "0", "--comparison-operator", "GreaterThanThreshold");
        var listed = await cloud.Cli.RunAsync("cloudwatch", "describe-alarms", "--alarm-names", "cli-bad");

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Equal("ValidationError", refused.ErrorCode);
        Assert.Equal(0, listed.Json.GetProperty("MetricAlarms").GetArrayLength());
    }
}
