using System.Globalization;
using Pipeline.Generator.Sending;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Pipeline.Generator.Progress;

/// <summary>A table redrawn in place on a terminal.</summary>
public sealed class LiveProgressDisplay(IAnsiConsole console, string title) : IProgressDisplay
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(500);

    public async Task RunAsync(Func<StatisticsSnapshot> snapshot, CancellationToken stop)
    {
        StatisticsSnapshot? previous = null;
        await console.Live(Render(ProgressLine.From(snapshot(), null))).AutoClear(false).StartAsync(async context =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(Refresh, stop);
                }
                catch (OperationCanceledException)
                {
                    // Draw the last figures once more below.
                }

                var now = snapshot();
                context.UpdateTarget(Render(ProgressLine.From(now, previous)));
                context.Refresh();
                previous = now;
            }
        });
    }

    private IRenderable Render(ProgressLine line)
    {
        var c = CultureInfo.InvariantCulture;
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        table.AddColumns("elapsed", "rate/s", "sent", "failed", "retried", "in-flight");
        table.AddRow(
            line.Elapsed.TotalSeconds.ToString("0.0s", c),
            line.Rate.ToString("N0", c),
            line.Sent.ToString("N0", c),
            line.Failed > 0 ? $"[red]{line.Failed.ToString("N0", c)}[/]" : "0",
            line.Retried.ToString("N0", c),
            line.InFlight.ToString(c));
        return table;
    }
}
