using Pipeline.Generator.Freshness;
using Pipeline.UnitTests.Generator.Fakes;
using Pipeline.UnitTests.Support;

namespace Pipeline.UnitTests.Generator.Freshness;

/// <summary>
/// The probe polls the stage table for the samples not found yet, times each at the start of the query that found it,
/// and gives up on a sample after the timeout; an Athena failure ends polling without losing the run's report.
/// </summary>
public sealed class FreshnessProbeTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly FreshnessOptions Options = new()
    {
        Database = "pipeline",
        Table = "clickstream_stage",
        IdField = "event_id",
        SampleInterval = TimeSpan.FromSeconds(1),
        PollInterval = TimeSpan.FromSeconds(5),
        Timeout = TimeSpan.FromSeconds(60),
    };

    [Fact]
    public async Task Each_sample_is_timed_by_the_first_poll_that_finds_it_and_lost_ones_count_after_the_timeout()
    {
        var time = new PendingTimersTimeProvider(Start);

        // "a" is queryable 12 s after the start, "b" 21 s, "lost" never.
        var queryableFrom = new Dictionary<string, DateTimeOffset> { ["a"] = Start.AddSeconds(12), ["b"] = Start.AddSeconds(21) };
        var athena = new FakeAthenaClient(time) { IsQueryable = (id, now) => queryableFrom.TryGetValue(id, out var from) && now >= from };
        var sampler = new FreshnessSampler(Options, time);
        Assert.True(sampler.Offer("{\"event_id\":\"a\"}"u8));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(sampler.Offer("{\"event_id\":\"b\"}"u8));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(sampler.Offer("{\"event_id\":\"lost\"}"u8));

        var summary = await StepAsync(new FreshnessProbe(athena, Options, time).RunAsync(sampler, Task.CompletedTask), time);

        // Polls at 2, 7, 12, 17, 22 s ...: "a" (sent at 0) is found at 12 s, "b" (sent at 1) at 22 s.
        var samples = sampler.Samples();
        Assert.Equal(TimeSpan.FromSeconds(12), samples[0].Latency);
        Assert.Equal(TimeSpan.FromSeconds(21), samples[1].Latency);
        Assert.Null(samples[2].Latency);
        Assert.Equal(3, summary.Samples);
        Assert.Equal(2, summary.Queryable);
        Assert.Equal(1, summary.NeverQueryable);
        Assert.Equal(21, summary.MaxSeconds);
        Assert.Null(summary.Error);

        // Found samples are not asked for again.
        Assert.DoesNotContain(athena.Queries.Skip(4), q => q.Contains("'a'"));
    }

    [Fact]
    public async Task A_missing_stage_table_means_not_queryable_yet()
    {
        var time = new PendingTimersTimeProvider(Start);
        var athena = new FakeAthenaClient(time) { FailWith = "TABLE_NOT_FOUND: Table pipeline.clickstream_stage does not exist" };
        var sampler = new FreshnessSampler(Options with { Timeout = TimeSpan.FromSeconds(10) }, time);
        sampler.Offer("{\"event_id\":\"a\"}"u8);

        var summary = await StepAsync(new FreshnessProbe(athena, Options with { Timeout = TimeSpan.FromSeconds(10) }, time).RunAsync(sampler, Task.CompletedTask), time);

        Assert.Equal(1, summary.NeverQueryable);
        Assert.Null(summary.Error);
    }

    [Fact]
    public async Task An_athena_failure_stops_polling_and_is_reported()
    {
        var time = new PendingTimersTimeProvider(Start);
        var athena = new FakeAthenaClient(time) { FailWith = "AccessDeniedException: no access" };
        var sampler = new FreshnessSampler(Options, time);
        sampler.Offer("{\"event_id\":\"a\"}"u8);

        var summary = await StepAsync(new FreshnessProbe(athena, Options, time).RunAsync(sampler, Task.CompletedTask), time);

        Assert.Contains("AccessDeniedException", summary.Error);
        Assert.Contains("polling stopped", summary.Describe());
        Assert.Single(athena.Queries);
    }

    // Moves the fake clock a second at a time while the probe waits on a timer.
    private static async Task<FreshnessSummary> StepAsync(Task<FreshnessSummary> probe, PendingTimersTimeProvider time)
    {
        for (var i = 0; i < 10_000 && !probe.IsCompleted; i++)
        {
            if (time.PendingTimers > 0)
            {
                time.Advance(TimeSpan.FromSeconds(1));
            }
            else
            {
                await Task.Delay(1);
            }
        }

        return await probe;
    }
}
