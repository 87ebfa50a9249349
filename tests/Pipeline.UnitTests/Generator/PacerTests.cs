using Pipeline.Generator.Sending;

namespace Pipeline.UnitTests.Generator;

/// <summary>The schedule counts from the start, and a backlog beyond the allowed lag is dropped, not burst out.</summary>
public sealed class PacerTests
{
    [Fact]
    public void Records_fall_due_at_index_over_rate_from_the_start()
    {
        var pacer = new Pacer(rate: 1_000, maxLag: TimeSpan.FromSeconds(1));

        Assert.Equal(1, pacer.DueCount(0, TimeSpan.Zero));
        Assert.Equal(201, pacer.DueCount(0, TimeSpan.FromMilliseconds(200)));
        Assert.Equal(TimeSpan.FromMilliseconds(250), pacer.DueAt(250));
        Assert.Equal(0, pacer.Skipped);
    }

    [Fact]
    public void A_backlog_beyond_the_lag_is_dropped_from_the_schedule()
    {
        var pacer = new Pacer(rate: 1_000, maxLag: TimeSpan.FromSeconds(1));

        // Five seconds stalled with only 100 records out: at most one second's worth may follow at once.
        var due = pacer.DueCount(100, TimeSpan.FromSeconds(5));

        Assert.Equal(1_100, due);
        Assert.Equal(3_901, pacer.Skipped);
        Assert.Equal(TimeSpan.FromSeconds(5.001), pacer.DueAt(1_100));
    }
}
