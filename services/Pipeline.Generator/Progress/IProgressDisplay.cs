using Pipeline.Generator.Sending;

namespace Pipeline.Generator.Progress;

/// <summary>Shows a run's counters while it runs, until <c>stop</c> is cancelled.</summary>
public interface IProgressDisplay
{
    Task RunAsync(Func<StatisticsSnapshot> snapshot, CancellationToken stop);
}
