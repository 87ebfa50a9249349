using System.Globalization;
using Pipeline.Generator.Sending;

namespace Pipeline.Generator.Progress;

/// <summary>The figures progress shows, with the current rate taken over the interval since the previous look.</summary>
public sealed record ProgressLine(TimeSpan Elapsed, double Rate, long Sent, long Failed, long Retried, int InFlight, long Generated)
{
    public static ProgressLine From(StatisticsSnapshot now, StatisticsSnapshot? previous)
    {
        var seconds = (now.Elapsed - (previous?.Elapsed ?? TimeSpan.Zero)).TotalSeconds;
        var rate = seconds > 0 ? (now.Sent - (previous?.Sent ?? 0)) / seconds : 0;
        return new ProgressLine(now.Elapsed, rate, now.Sent, now.Failed, now.Retried, now.InFlightRequests, now.Generated);
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"[{Elapsed.TotalSeconds,6:0.0}s] rate {Rate,8:0.0}/s  sent {Sent:N0}  failed {Failed:N0}  retried {Retried:N0}  in-flight {InFlight}");
}
