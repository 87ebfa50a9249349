using Pipeline.Generator.Sending;

namespace Pipeline.Generator.Progress;

/// <summary>One line every few seconds, for logs and CI where stderr is not a terminal.</summary>
public sealed class PlainProgressDisplay(TextWriter output, TimeSpan interval, TimeProvider? time = null) : IProgressDisplay
{
    public async Task RunAsync(Func<StatisticsSnapshot> snapshot, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval, time ?? TimeProvider.System);
        StatisticsSnapshot? previous = null;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var now = snapshot();
                await output.WriteLineAsync(ProgressLine.From(now, previous).ToString());
                previous = now;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over; the final report follows.
        }
    }
}
