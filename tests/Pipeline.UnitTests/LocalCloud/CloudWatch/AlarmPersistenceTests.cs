using System.Text.Json;
using Pipeline.LocalCloud.CloudWatch.Alarms;
using Pipeline.UnitTests.LocalCloud.CloudWatch.Fakes;

namespace Pipeline.UnitTests.LocalCloud.CloudWatch;

/// <summary>Alarms and their states are kept in the data directory, written whole or not at all; metrics are not kept.</summary>
public sealed class AlarmPersistenceTests : IDisposable
{
    private readonly CloudWatchHarness _cloud = new();

    public void Dispose() => _cloud.Dispose();

    [Fact]
    public void A_restart_keeps_the_alarm_and_its_state_and_does_not_notify_again()
    {
        _cloud.Operations.PutMetricAlarm(_cloud.StatusAlarm());
        _cloud.Record(1);
        _cloud.Time.Advance(TimeSpan.FromSeconds(6));
        _cloud.Alarms.EvaluateAll();
        Assert.Equal(AlarmState.Alarm, _cloud.Alarm().StateValue);
        var before = _cloud.Alarm();
        var sent = _cloud.Notifications.Count;

        // A restart takes a moment; the samples of the period just judged are gone after it.
        _cloud.Time.Advance(TimeSpan.FromSeconds(1));
        using var restarted = _cloud.Reopen();

        Assert.Equal(Json(before), Json(restarted.Alarm()));
        Assert.Equal(0, restarted.Metrics.Count);

        // Provisioning puts the alarm again after a restart; the period the restart forgot is not read as quiet.
        restarted.Operations.PutMetricAlarm(restarted.StatusAlarm());
        restarted.Alarms.EvaluateAll();
        Assert.Equal(AlarmState.Alarm, restarted.Alarm().StateValue);
        Assert.Equal(sent, restarted.Notifications.Count);

        // A whole quiet period after the restart is judged as usual: OK, and the topic is told.
        restarted.Time.Advance(TimeSpan.FromSeconds(20));
        restarted.Alarms.EvaluateAll();
        Assert.Equal(AlarmState.Ok, restarted.Alarm().StateValue);
        Assert.Equal(sent + 1, restarted.Notifications.Count);
    }

    [Fact]
    public void Deleting_ignores_unknown_names_and_survives_a_restart()
    {
        _cloud.Operations.PutMetricAlarm(_cloud.StatusAlarm("a"));
        _cloud.Operations.PutMetricAlarm(_cloud.StatusAlarm("b"));

        _cloud.Operations.DeleteAlarms(new() { AlarmNames = ["a", "no-such-alarm"] });

        using var restarted = _cloud.Reopen();
        Assert.Equal(["b"], restarted.Alarms.List().Select(a => a.AlarmName));
    }

    [Fact]
    public void An_unreadable_file_is_set_aside_and_the_store_starts_empty()
    {
        _cloud.Operations.PutMetricAlarm(_cloud.StatusAlarm());
        File.WriteAllText(_cloud.Store.FilePath, "{ not json");
        File.WriteAllText(_cloud.Store.FilePath + ".tmp", "left by a crash");

        using var restarted = _cloud.Reopen();

        Assert.Empty(restarted.Alarms.List());
        Assert.True(File.Exists(_cloud.Store.FilePath + ".unreadable"));
        Assert.False(File.Exists(_cloud.Store.FilePath + ".tmp"));
    }

    private static string Json(MetricAlarm alarm) => JsonSerializer.Serialize(new List<MetricAlarm> { alarm }, AlarmStoreJsonContext.Default.ListMetricAlarm);
}
