using System.Globalization;

namespace Pipeline.Generator.Reporting;

/// <summary>
/// Whether a sending run held its target rate and, when it did not, what held it back: the endpoint (the producer
/// waited for a free call slot for a large part of the run, or the endpoint answered with throttling) or the
/// generator itself.
/// </summary>
/// <param name="LimitedBy">What the limit was.</param>
/// <param name="TargetRate">Records per second asked for.</param>
/// <param name="AchievedRate">Records per second the endpoint accepted.</param>
/// <param name="AchievedPercent">The achieved rate as a percentage of the target.</param>
/// <param name="RecordsSkipped">Records dropped from the schedule because sending fell more than the allowed lag behind.</param>
/// <param name="RecordsDelayed">Records whose batch waited for a free call slot before it was sent.</param>
/// <param name="WaitedForEndpointSeconds">How long the producer waited for a free call slot, in total.</param>
/// <param name="WaitedForEndpointPercent">That wait as a percentage of the run's duration.</param>
/// <param name="ThrottledRecords">Record sends refused with a throttling or service-unavailable answer (entries or whole calls).</param>
/// <param name="MaxInFlight">Call slots: PutRecordBatch calls allowed under way at once.</param>
/// <param name="LatencyP95Ms">PutRecordBatch latency, 95th percentile.</param>
/// <param name="Explanation">The same in one sentence, as printed.</param>
public sealed record BackPressureSummary(
    RateLimit LimitedBy,
    double TargetRate,
    double AchievedRate,
    double AchievedPercent,
    long RecordsSkipped,
    long RecordsDelayed,
    double WaitedForEndpointSeconds,
    double WaitedForEndpointPercent,
    long ThrottledRecords,
    int MaxInFlight,
    double LatencyP95Ms,
    string Explanation)
{
    /// <summary>Below this share of the target (or with any record skipped) the run did not hold its rate.</summary>
    public const double HeldFraction = 0.95;

    /// <summary>Waiting for a free call slot this share of the run or more means the endpoint set the pace.</summary>
    public const double EndpointWaitFraction = 0.25;

    public static BackPressureSummary From(
        double targetRate,
        double achievedRate,
        double durationSeconds,
        long skipped,
        long delayed,
        TimeSpan waitedForEndpoint,
        long throttled,
        int maxInFlight,
        double latencyP95Ms)
    {
        var fraction = targetRate > 0 ? achievedRate / targetRate : 1;
        var waitFraction = durationSeconds > 0 ? waitedForEndpoint.TotalSeconds / durationSeconds : 0;
        var limit = fraction >= HeldFraction && skipped == 0 ? RateLimit.None
            : throttled > 0 || waitFraction >= EndpointWaitFraction ? RateLimit.Endpoint
            : RateLimit.Generator;

        var c = CultureInfo.InvariantCulture;
        var achieved = string.Create(c, $"{achievedRate:N0} records/s of {targetRate:N0} asked ({fraction * 100:0.#} %)");
        var explanation = limit switch
        {
            RateLimit.None => $"target held: {achieved}",
            RateLimit.Endpoint => string.Create(
                c,
                $"the endpoint was the limit: {achieved}; all {maxInFlight} calls in flight for {waitedForEndpoint.TotalSeconds:0.0} of {durationSeconds:0.0} s, PutRecordBatch p95 {latencyP95Ms:0} ms, {throttled:N0} throttled; {skipped:N0} records skipped, {delayed:N0} delayed"),
            _ => string.Create(
                c,
                $"the generator was the limit (call slots to spare, no throttling): {achieved}; {skipped:N0} records skipped, {delayed:N0} delayed"),
        };

        return new BackPressureSummary(
            limit,
            targetRate,
            Math.Round(achievedRate, 1),
            Math.Round(fraction * 100, 1),
            skipped,
            delayed,
            Math.Round(waitedForEndpoint.TotalSeconds, 3),
            Math.Round(waitFraction * 100, 1),
            throttled,
            maxInFlight,
            latencyP95Ms,
            explanation);
    }
}
