using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pipeline.LocalCloud.CloudWatch;
using Pipeline.LocalCloud.CloudWatch.Alarms;
using Pipeline.UnitTests.LocalCloud.CloudWatch.Fakes;

namespace Pipeline.UnitTests.LocalCloud.CloudWatch;

/// <summary>The hosted loop evaluates every alarm on its interval, driven by the TimeProvider.</summary>
public sealed class AlarmEvaluationHostTests : IDisposable
{
    private readonly CloudWatchHarness _cloud = new();

    public void Dispose() => _cloud.Dispose();

    [Fact]
    public async Task The_loop_evaluates_on_each_interval()
    {
        _cloud.Operations.PutMetricAlarm(_cloud.StatusAlarm());
        var options = Options.Create(new CloudWatchOptions { EvaluationInterval = TimeSpan.FromSeconds(2) });
        using var host = new AlarmEvaluationHost(_cloud.Alarms, _cloud.Metrics, options, _cloud.Time, NullLogger<AlarmEvaluationHost>.Instance);

        await host.StartAsync(CancellationToken.None);
        await WaitForTimerAsync();
        Assert.Equal(AlarmState.Ok, _cloud.Alarm().StateValue);

        _cloud.Record(1);
        for (var i = 0; i < 3; i++)
        {
            _cloud.Time.Advance(TimeSpan.FromSeconds(2));
            await WaitForTimerAsync();
        }

        Assert.Equal(AlarmState.Alarm, _cloud.Alarm().StateValue);
        await host.StopAsync(CancellationToken.None);
        Assert.Equal(["OK", "ALARM"], _cloud.Notifications.Select(n => n.Subject![..n.Subject!.IndexOf(':', StringComparison.Ordinal)]));
    }

    // The loop arms its delay on a thread of its own: wait until it has, so the next advance wakes it.
    private async Task WaitForTimerAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_cloud.Time.PendingTimers == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        Assert.Equal(1, _cloud.Time.PendingTimers);
    }
}
