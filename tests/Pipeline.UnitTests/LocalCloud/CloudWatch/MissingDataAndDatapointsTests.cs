using Pipeline.LocalCloud.CloudWatch.Alarms;
using Pipeline.LocalCloud.CloudWatch.Metrics;
using Pipeline.UnitTests.LocalCloud.CloudWatch.Fakes;

namespace Pipeline.UnitTests.LocalCloud.CloudWatch;

/// <summary>TreatMissingData, DatapointsToAlarm of EvaluationPeriods, the statistics and the comparison operators.</summary>
public sealed class MissingDataAndDatapointsTests : IDisposable
{
    private readonly CloudWatchHarness _cloud = new();

    public void Dispose() => _cloud.Dispose();

    [Theory]
    [InlineData("missing", AlarmState.InsufficientData, "Insufficient Data: 1 datapoint was unknown.")]
    [InlineData("notBreaching", AlarmState.Ok, "Threshold Crossed: no datapoints were received for 1 period and 1 missing datapoint was treated as [NonBreaching].")]
    [InlineData("breaching", AlarmState.Alarm, "Threshold Crossed: no datapoints were received for 1 period and 1 missing datapoint was treated as [Breaching].")]
    public void A_period_without_data_counts_as_TreatMissingData_says(string treatment, AlarmState expected, string reason)
    {
        _cloud.Operations.PutMetricAlarm(_cloud.StatusAlarm() with { TreatMissingData = treatment });
        _cloud.Record(1);
        _cloud.Time.Advance(TimeSpan.FromSeconds(6));
        _cloud.Alarms.EvaluateAll();
        Assert.Equal(AlarmState.Alarm, _cloud.Alarm().StateValue);

        _cloud.Time.Advance(TimeSpan.FromSeconds(10));
        _cloud.Alarms.EvaluateAll();

        Assert.Equal(expected, _cloud.Alarm().StateValue);
        if (expected != AlarmState.Alarm)
        {
            Assert.Equal(reason, _cloud.Alarm().StateReason);
        }
    }

    [Fact]
    public void Missing_data_is_insufficient_data_from_the_start_when_treated_as_missing()
    {
        _cloud.Operations.PutMetricAlarm(_cloud.StatusAlarm() with { TreatMissingData = null });

        _cloud.Alarms.EvaluateAll();

        Assert.Equal(AlarmState.InsufficientData, _cloud.Alarm().StateValue);
        Assert.Equal("Insufficient Data: 1 datapoint was unknown.", _cloud.Alarm().StateReason);
        Assert.Empty(_cloud.Notifications);
    }

    [Fact]
    public void Ignore_keeps_the_state_while_no_data_arrives()
    {
        _cloud.Operations.PutMetricAlarm(_cloud.StatusAlarm() with { TreatMissingData = "ignore" });
        _cloud.Alarms.EvaluateAll();
        Assert.Equal(AlarmState.InsufficientData, _cloud.Alarm().StateValue);

        _cloud.Record(1);
        _cloud.Time.Advance(TimeSpan.FromSeconds(6));
        _cloud.Alarms.EvaluateAll();
        Assert.Equal(AlarmState.Alarm, _cloud.Alarm().StateValue);

        _cloud.Time.Advance(TimeSpan.FromMinutes(5));
        _cloud.Alarms.EvaluateAll();
        Assert.Equal(AlarmState.Alarm, _cloud.Alarm().StateValue);
    }

    [Fact]
    public void Two_breaching_periods_of_three_raise_it_and_one_does_not()
    {
        _cloud.Operations.PutMetricAlarm(_cloud.StatusAlarm() with { EvaluationPeriods = 3, DatapointsToAlarm = 2 });
        _cloud.Alarms.EvaluateAll();
        Assert.Equal(AlarmState.Ok, _cloud.Alarm().StateValue);

        _cloud.Record(1);
        _cloud.Time.Advance(TimeSpan.FromSeconds(10));
        _cloud.Alarms.EvaluateAll();
        Assert.Equal(AlarmState.Ok, _cloud.Alarm().StateValue);

        _cloud.Record(4);
        _cloud.Time.Advance(TimeSpan.FromSeconds(10));
        _cloud.Alarms.EvaluateAll();

        var alarm = _cloud.Alarm();
        Assert.Equal(AlarmState.Alarm, alarm.StateValue);
        Assert.Equal(
            "Threshold Crossed: 2 out of the last 3 datapoints [4.0 (14/03/26 10:00:10), 1.0 (14/03/26 10:00:00)] were greater than the threshold (0.0) (minimum 2 datapoints for OK -> ALARM transition).",
            alarm.StateReason);
    }

    [Theory]
    [InlineData("Sum", "GreaterThanOrEqualToThreshold", 9, AlarmState.Alarm)]
    [InlineData("Sum", "GreaterThanThreshold", 9, AlarmState.Ok)]
    [InlineData("Average", "LessThanThreshold", 3.1, AlarmState.Alarm)]
    [InlineData("Average", "LessThanOrEqualToThreshold", 2.9, AlarmState.Ok)]
    [InlineData("Maximum", "GreaterThanOrEqualToThreshold", 6, AlarmState.Alarm)]
    [InlineData("Minimum", "LessThanOrEqualToThreshold", 1, AlarmState.Alarm)]
    [InlineData("SampleCount", "GreaterThanThreshold", 2, AlarmState.Alarm)]
    public void The_statistic_is_compared_with_the_threshold(string statistic, string comparison, double threshold, AlarmState expected)
    {
        // Samples 1, 2 and 6: sum 9, average 3, minimum 1, maximum 6, three samples.
        _cloud.Operations.PutMetricAlarm(_cloud.StatusAlarm() with { Statistic = statistic, ComparisonOperator = comparison, Threshold = threshold });
        foreach (var value in new[] { 1.0, 2, 6 })
        {
            _cloud.Record(value);
        }

        _cloud.Time.Advance(TimeSpan.FromSeconds(6));
        _cloud.Alarms.EvaluateAll();

        Assert.Equal(expected, _cloud.Alarm().StateValue);
    }

    [Fact]
    public void A_unit_on_the_alarm_counts_only_samples_sent_with_it()
    {
        _cloud.Operations.PutMetricAlarm(_cloud.StatusAlarm() with { Unit = "Seconds" });
        _cloud.Record(1);
        _cloud.Time.Advance(TimeSpan.FromSeconds(6));

        _cloud.Alarms.EvaluateAll();

        Assert.Equal(AlarmState.Ok, _cloud.Alarm().StateValue);
        Assert.Equal(1, _cloud.Metrics.Aggregate(CloudWatchHarness.StatusMetric(), CloudWatchHarness.Start.AddSeconds(-5), CloudWatchHarness.Start.AddSeconds(5), 10, "Count").Single().Values.Sum);
    }

    [Fact]
    public void A_sixty_second_period_waits_for_the_minute_to_close()
    {
        _cloud.Operations.PutMetricAlarm(_cloud.StatusAlarm(period: 60));
        _cloud.Record(1);

        _cloud.Time.Advance(TimeSpan.FromSeconds(50));
        _cloud.Alarms.EvaluateAll();
        Assert.Equal(AlarmState.Ok, _cloud.Alarm().StateValue);

        _cloud.Time.Advance(TimeSpan.FromSeconds(10));
        _cloud.Alarms.EvaluateAll();
        Assert.Equal(AlarmState.Alarm, _cloud.Alarm().StateValue);
        Assert.Equal(StatisticSet.Of(1), _cloud.Metrics.Aggregate(CloudWatchHarness.StatusMetric(), CloudWatchHarness.Start.AddSeconds(-5), CloudWatchHarness.Start.AddSeconds(55), 60).Single().Values);
    }
}
