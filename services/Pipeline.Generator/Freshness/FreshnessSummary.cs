using System.Globalization;

namespace Pipeline.Generator.Freshness;

/// <summary>
/// End-to-end freshness of a run: how long sampled records took from Firehose accepting them to being queryable in
/// the stage table through Athena. Resolution is the poll interval (a record is timed at the start of the first
/// query that found it).
/// </summary>
/// <param name="Table">The table queried (<c>database.table</c>).</param>
/// <param name="Samples">Records followed.</param>
/// <param name="Queryable">Of those, found in the table within the timeout.</param>
/// <param name="NeverQueryable">Not found within <paramref name="TimeoutSeconds"/> of being sent.</param>
/// <param name="P50Seconds">Median send-to-queryable time of the records found; null when none was.</param>
/// <param name="P95Seconds">95th percentile of the same.</param>
/// <param name="MaxSeconds">Slowest record found.</param>
/// <param name="PollIntervalSeconds">How often the table was queried.</param>
/// <param name="TimeoutSeconds">How long a record was waited for.</param>
/// <param name="Error">Why polling stopped early (an Athena error), if it did.</param>
public sealed record FreshnessSummary(
    string Table,
    int Samples,
    int Queryable,
    int NeverQueryable,
    double? P50Seconds,
    double? P95Seconds,
    double? MaxSeconds,
    double PollIntervalSeconds,
    double TimeoutSeconds,
    string? Error = null)
{
    public static FreshnessSummary From(IReadOnlyList<FreshnessSample> samples, FreshnessOptions options, string? error = null)
    {
        var latencies = samples.Where(s => s.Latency is not null).Select(s => s.Latency!.Value.TotalSeconds).Order().ToArray();
        return new FreshnessSummary(
            $"{options.Database}.{options.Table}",
            samples.Count,
            latencies.Length,
            samples.Count - latencies.Length,
            Round(Percentile(latencies, 50)),
            Round(Percentile(latencies, 95)),
            Round(latencies.Length > 0 ? latencies[^1] : null),
            options.PollInterval.TotalSeconds,
            options.Timeout.TotalSeconds,
            error);
    }

    /// <summary>Nearest-rank percentile of sorted values; null for none.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double percentile)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    public string Describe()
    {
        var c = CultureInfo.InvariantCulture;
        var figures = Queryable == 0
            ? "none queryable"
            : string.Create(c, $"p50 {P50Seconds:0.0} s, p95 {P95Seconds:0.0} s, max {MaxSeconds:0.0} s send→queryable");
        var text = string.Create(c, $"{Samples} samples in {Table}: {figures}; {NeverQueryable} not queryable within {TimeoutSeconds:0} s (polled every {PollIntervalSeconds:0.#} s)");
        return Error is null ? text : $"{text}; polling stopped: {Error}";
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;
}
