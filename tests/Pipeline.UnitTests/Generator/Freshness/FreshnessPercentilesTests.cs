using Pipeline.Generator.Freshness;

namespace Pipeline.UnitTests.Generator.Freshness;

/// <summary>The summary's percentiles (nearest rank) over the samples found, and the count never found.</summary>
public sealed class FreshnessPercentilesTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly FreshnessOptions Options = new()
    {
        Database = "pipeline",
        Table = "vehicle_telemetry_stage",
        IdField = "event_id",
        PollInterval = TimeSpan.FromSeconds(5),
        Timeout = TimeSpan.FromSeconds(120),
    };

    [Fact]
    public void Percentiles_are_nearest_rank_over_the_records_found()
    {
        // Latencies 1..20 s, plus two records never found.
        var samples = Enumerable.Range(1, 20)
            .Select(i => new FreshnessSample($"id-{i}", Start) { QueryableAt = Start.AddSeconds(i) })
            .Append(new FreshnessSample("lost-1", Start))
            .Append(new FreshnessSample("lost-2", Start))
            .ToArray();

        var summary = FreshnessSummary.From(samples, Options);

        Assert.Equal(22, summary.Samples);
        Assert.Equal(20, summary.Queryable);
        Assert.Equal(2, summary.NeverQueryable);
        Assert.Equal(10, summary.P50Seconds);
        Assert.Equal(19, summary.P95Seconds);
        Assert.Equal(20, summary.MaxSeconds);
        Assert.Equal("pipeline.vehicle_telemetry_stage", summary.Table);
        Assert.Contains("p50 10.0 s, p95 19.0 s, max 20.0 s", summary.Describe());
        Assert.Contains("2 not queryable within 120 s", summary.Describe());
    }

    [Fact]
    public void No_record_found_gives_no_percentiles()
    {
        var summary = FreshnessSummary.From([new FreshnessSample("a", Start)], Options);

        Assert.Null(summary.P50Seconds);
        Assert.Null(summary.P95Seconds);
        Assert.Equal(1, summary.NeverQueryable);
        Assert.Contains("none queryable", summary.Describe());
    }

    [Theory]
    [InlineData(new[] { 4.0 }, 50, 4.0)]
    [InlineData(new[] { 1.0, 2.0 }, 50, 1.0)]
    [InlineData(new[] { 1.0, 2.0 }, 95, 2.0)]
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0 }, 100, 4.0)]
    public void Nearest_rank(double[] sorted, double percentile, double expected) =>
        Assert.Equal(expected, FreshnessSummary.Percentile(sorted, percentile));
}
