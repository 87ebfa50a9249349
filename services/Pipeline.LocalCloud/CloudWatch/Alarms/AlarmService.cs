using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.CloudWatch.Metrics;

namespace Pipeline.LocalCloud.CloudWatch.Alarms;

/// <summary>
/// The alarms' life: PutMetricAlarm creates one in INSUFFICIENT_DATA ("Unchecked: Initial alarm creation") or replaces
/// an existing one's configuration keeping its state, as CloudWatch does; <see cref="EvaluateAll"/> moves each to the
/// state its metric calls for and, on a change, runs the new state's actions.
/// </summary>
internal sealed partial class AlarmService(AlarmStore store, MetricStore metrics, AlarmNotifier notifier, TimeProvider time, ILogger<AlarmService> logger)
{
    public const string InitialReason = "Unchecked: Initial alarm creation";

    public MetricStore Metrics => metrics;

    public IReadOnlyList<MetricAlarm> List() => store.List();

    public MetricAlarm? Find(string name) => store.Find(name);

    /// <summary>Creates or replaces the alarm; the state fields of <paramref name="configuration"/> are ignored.</summary>
    public MetricAlarm Put(MetricAlarm configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var now = time.GetUtcNow();
        return store.Change(configuration.AlarmName, existing =>
        {
            if (existing is null && store.Count >= CloudWatchLimits.MaxAlarms)
            {
                throw CloudWatchErrors.LimitExceeded($"The maximum number of alarms ({CloudWatchLimits.MaxAlarms}) has been reached.");
            }

            return configuration with
            {
                AlarmConfigurationUpdatedTimestamp = now,
                StateValue = existing?.StateValue ?? AlarmState.InsufficientData,
                StateReason = existing?.StateReason ?? InitialReason,
                StateReasonData = existing?.StateReasonData,
                StateUpdatedTimestamp = existing?.StateUpdatedTimestamp ?? now,
                StateTransitionedTimestamp = existing?.StateTransitionedTimestamp ?? now,
            };
        })!;
    }

    public void Delete(IReadOnlyCollection<string> names) => store.Delete(names);

    /// <summary>
    /// Evaluates every alarm now; each one that changes state is stored before its actions run, so a restart never
    /// repeats a notification. One alarm failing does not stop the others.
    /// </summary>
    public void EvaluateAll()
    {
        var now = time.GetUtcNow();
        foreach (var alarm in store.List())
        {
            try
            {
                Evaluate(alarm.AlarmName, now);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogEvaluationFailed(e, alarm.AlarmName);
            }
        }
    }

    private void Evaluate(string name, DateTimeOffset now)
    {
        AlarmState? previous = null;
        var changed = store.Change(name, current =>
        {
            // Deleted or replaced while the others were evaluated: judge what is there now.
            if (current is null || AlarmEvaluator.Evaluate(current, metrics, now) is not { } evaluation)
            {
                return current;
            }

            if (evaluation.State == current.StateValue)
            {
                // The first evaluation replaces the creation reason without a transition, as CloudWatch's does.
                return current.StateReason == InitialReason
                    ? current with { StateReason = evaluation.Reason, StateReasonData = evaluation.ReasonData, StateUpdatedTimestamp = now }
                    : current;
            }

            previous = current.StateValue;
            return current with
            {
                StateValue = evaluation.State,
                StateReason = evaluation.Reason,
                StateReasonData = evaluation.ReasonData,
                StateUpdatedTimestamp = now,
                StateTransitionedTimestamp = now,
            };
        });

        if (changed is not null && previous is { } old)
        {
            LogTransition(name, AlarmWireNames.Of(old), AlarmWireNames.Of(changed.StateValue), changed.StateReason);
            notifier.Notify(changed, old);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CloudWatch: alarm {Alarm} {Old} -> {New}: {Reason}")]
    private partial void LogTransition(string alarm, string old, string @new, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "CloudWatch: evaluating alarm {Alarm} failed")]
    private partial void LogEvaluationFailed(Exception exception, string alarm);
}
