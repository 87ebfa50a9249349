using System.Globalization;
using Pipeline.LocalCloud.CloudWatch.Metrics;

namespace Pipeline.LocalCloud.CloudWatch.Alarms;

/// <summary>
/// Evaluates a metric alarm as CloudWatch does: the statistic of each of the last <c>EvaluationPeriods</c> periods
/// that have closed (periods are aligned to multiples of <c>Period</c> since the epoch, so a period is judged once it
/// is whole), compared with the threshold; ALARM when at least <c>DatapointsToAlarm</c> of them breach, OK otherwise.
/// A period without data counts as <c>TreatMissingData</c> says: within the threshold (notBreaching), breaching
/// (breaching), or not at all (missing, ignore); with no data in any period, missing gives INSUFFICIENT_DATA and
/// ignore keeps the state. (CloudWatch's finer M-of-N rules for partly missing data are not reproduced.)
/// </summary>
internal static class AlarmEvaluator
{
    /// <summary>The evaluation at <paramref name="now"/>; null when the alarm keeps its state and reason (ignore, no data).</summary>
    public static AlarmEvaluation? Evaluate(MetricAlarm alarm, MetricStore metrics, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        ArgumentNullException.ThrowIfNull(metrics);
        var period = alarm.Period;
        var end = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() / period * period);
        var start = end.AddSeconds(-(long)period * alarm.EvaluationPeriods);
        if (start < metrics.Since && alarm.StateUpdatedTimestamp < metrics.Since)
        {
            // A state kept across a restart, over periods that began before it: the restart forgot their samples, and
            // reading them as missing data would send a false OK. It stays until a later period closes (provisioning
            // putting the alarm again after the restart keeps the state, and so this too).
            return null;
        }

        var aggregates = metrics.Aggregate(alarm.Metric, start, end, period, alarm.Unit, mergeUnits: true)
            .ToDictionary(a => a.Timestamp);

        // Newest first, as CloudWatch lists them in its reasons.
        var datapoints = Enumerable.Range(1, alarm.EvaluationPeriods)
            .Select(i => end.AddSeconds(-(long)period * i))
            .Select(t => (Time: t, Values: aggregates.TryGetValue(t, out var a) ? a.Values : (StatisticSet?)null))
            .ToArray();
        var present = datapoints.Where(d => d.Values is not null).Select(d => (d.Time, Value: d.Values!.Value.Value(alarm.Statistic))).ToArray();
        var missing = datapoints.Length - present.Length;
        var breaching = present.Where(d => Breaches(alarm, d.Value)).ToArray();
        var data = ReasonData(alarm, now, start, datapoints);

        if (present.Length == 0)
        {
            switch (alarm.TreatMissingData)
            {
                case MissingDataTreatment.Ignore:
                    return null;
                case MissingDataTreatment.Missing:
                    return new AlarmEvaluation(AlarmState.InsufficientData, $"Insufficient Data: {Count(missing, "datapoint")} {(missing == 1 ? "was" : "were")} unknown.", data);
            }
        }

        var breaches = breaching.Length + (alarm.TreatMissingData == MissingDataTreatment.Breaching ? missing : 0);
        var state = breaches >= alarm.RequiredBreaches ? AlarmState.Alarm : AlarmState.Ok;
        if (present.Length == 0)
        {
            var treatedAs = alarm.TreatMissingData == MissingDataTreatment.Breaching ? "Breaching" : "NonBreaching";
            return new AlarmEvaluation(
                state,
                $"Threshold Crossed: no datapoints were received for {Count(missing, "period")} and {Count(missing, "missing datapoint")} {(missing == 1 ? "was" : "were")} treated as [{treatedAs}].",
                data);
        }

        var shown = state == AlarmState.Alarm ? breaching : present.Except(breaching).ToArray();
        var list = string.Join(", ", shown.Select(d => $"{CloudWatchText.Number(d.Value)} ({CloudWatchText.ReasonTime(d.Time)})"));
        var reason = string.Create(
            CultureInfo.InvariantCulture,
            $"Threshold Crossed: {shown.Length} out of the last {alarm.EvaluationPeriods} datapoints [{list}] {(shown.Length == 1 ? "was" : "were")} {(state == AlarmState.Alarm ? "" : "not ")}{CloudWatchText.Comparison(alarm.ComparisonOperator)} the threshold ({CloudWatchText.Number(alarm.Threshold)}) (minimum {Count(alarm.RequiredBreaches, "datapoint")} for {AlarmWireNames.Of(alarm.StateValue == state ? Opposite(state) : alarm.StateValue)} -> {AlarmWireNames.Of(state)} transition).");
        return new AlarmEvaluation(state, reason, data);
    }

    public static bool Breaches(MetricAlarm alarm, double value)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        return alarm.ComparisonOperator switch
        {
            ComparisonOperator.GreaterThanOrEqualToThreshold => value >= alarm.Threshold,
            ComparisonOperator.GreaterThanThreshold => value > alarm.Threshold,
            ComparisonOperator.LessThanThreshold => value < alarm.Threshold,
            _ => value <= alarm.Threshold,
        };
    }

    private static AlarmState Opposite(AlarmState state) => state == AlarmState.Alarm ? AlarmState.Ok : AlarmState.Alarm;

    private static string Count(int count, string noun) => string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");

    private static string ReasonData(MetricAlarm alarm, DateTimeOffset now, DateTimeOffset start, (DateTimeOffset Time, StatisticSet? Values)[] datapoints)
    {
        var data = new AlarmReasonData(
            "1.0",
            CloudWatchText.Timestamp(now),
            CloudWatchText.Timestamp(start),
            alarm.Statistic.ToString(),
            alarm.Period,
            [.. datapoints.Where(d => d.Values is not null).Select(d => d.Values!.Value.Value(alarm.Statistic))],
            alarm.Threshold,
            [.. datapoints.Select(d => new EvaluatedDatapoint(CloudWatchText.Timestamp(d.Time), d.Values?.SampleCount, d.Values?.Value(alarm.Statistic)))]);
        return CloudWatchJson.Serialize(data, AlarmReasonJsonContext.Default.AlarmReasonData);
    }
}
