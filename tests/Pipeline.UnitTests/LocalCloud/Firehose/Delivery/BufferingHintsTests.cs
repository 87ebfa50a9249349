using Pipeline.UnitTests.LocalCloud.Firehose.Fakes;
using static Pipeline.UnitTests.LocalCloud.Firehose.Fakes.FirehoseTestBed;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Delivery;

/// <summary>Delivery happens when the buffer reaches SizeInMBs or its oldest record is IntervalInSeconds old, not before.</summary>
public sealed class BufferingHintsTests : IAsyncLifetime
{
    private readonly FirehoseTestBed _bed = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Nothing_is_delivered_before_the_interval_has_passed_since_the_oldest_record()
    {
        await _bed.CreateAsync("s", Destination(sizeInMBs: 1, intervalInSeconds: 60));
        await _bed.PutAsync("s", "a");
        _bed.Time.Advance(TimeSpan.FromSeconds(30));
        await _bed.PutAsync("s", "b");
        _bed.Time.Advance(TimeSpan.FromSeconds(29));

        var early = await _bed.Service.DeliverDueAsync("s");
        _bed.Time.Advance(TimeSpan.FromSeconds(1));
        var due = await _bed.Service.DeliverDueAsync("s");

        Assert.Equal(0, early.Records);
        Assert.Equal(2, due.Records);
        Assert.Equal("ab", ObjectText.Of(Assert.Single(_bed.Store.Objects)));
    }

    [Fact]
    public async Task Reaching_the_size_delivers_at_once_and_the_rest_waits_for_its_interval()
    {
        await _bed.CreateAsync("s", Destination(sizeInMBs: 1, intervalInSeconds: 900));
        var half = new string('x', 512 * 1024);
        await _bed.PutAsync("s", half);
        var belowSize = await _bed.Service.DeliverDueAsync("s");
        await _bed.PutAsync("s", half, "tail");

        var atSize = await _bed.Service.DeliverDueAsync("s");

        Assert.Equal(0, belowSize.Records);
        Assert.Equal(2, atSize.Records);
        Assert.Equal(1, _bed.Service.Get("s").BufferedRecords);
        _bed.Time.Advance(TimeSpan.FromSeconds(900));
        Assert.Equal(1, (await _bed.Service.DeliverDueAsync("s")).Records);
        Assert.Equal(2, _bed.Store.Objects.Count);
    }

    [Fact]
    public async Task A_backlog_larger_than_the_size_is_delivered_in_objects_of_about_that_size()
    {
        await _bed.CreateAsync("s", Destination(sizeInMBs: 1, intervalInSeconds: 60));
        var quarter = new string('q', 256 * 1024);
        await _bed.PutAsync("s", Enumerable.Repeat(quarter, 10).ToArray());

        var counts = await _bed.Service.DeliverDueAsync("s");

        // 10 quarters of a MiB: 4 + 4 at the size, the last 2 wait for the interval.
        Assert.Equal(8, counts.Records);
        Assert.Equal(2, counts.Objects);
        _bed.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(2, (await _bed.Service.DeliverDueAsync("s")).Records);
    }

    [Fact]
    public async Task An_interval_of_zero_delivers_every_record_as_soon_as_possible()
    {
        await _bed.CreateAsync("s", Destination(sizeInMBs: 1, intervalInSeconds: 0));
        await _bed.PutAsync("s", "now");

        Assert.Equal(1, (await _bed.Service.DeliverDueAsync("s")).Records);
    }

    [Fact]
    public async Task The_background_loop_delivers_when_the_clock_reaches_the_interval()
    {
        await _bed.CreateAsync("s", Destination(sizeInMBs: 1, intervalInSeconds: 60));
        _bed.Service.Start();
        await _bed.PutAsync("s", "tick");
        await Until(() => _bed.Time.PendingTimers > 0);

        _bed.Time.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(100);
        Assert.Empty(_bed.Store.Objects);

        _bed.Time.Advance(TimeSpan.FromSeconds(1));
        await Until(() => _bed.Store.Objects.Count == 1);
        Assert.Equal("tick", ObjectText.Of(_bed.Store.Objects[0]));
    }

    [Fact]
    public async Task The_background_loop_delivers_at_the_size_without_waiting_for_the_clock()
    {
        await _bed.CreateAsync("s", Destination(sizeInMBs: 1, intervalInSeconds: 900));
        _bed.Service.Start();

        await _bed.PutAsync("s", new string('x', 1024 * 1024));

        await Until(() => _bed.Store.Objects.Count == 1);
    }

    [Fact]
    public async Task Defaults_are_5_MiB_and_300_seconds()
    {
        await _bed.CreateAsync("s", Destination(sizeInMBs: null, intervalInSeconds: null));

        var settings = _bed.Service.Get("s").Settings;

        Assert.Equal((5L * 1024 * 1024, TimeSpan.FromSeconds(300)), (settings.BufferSizeBytes, settings.BufferInterval));
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true within 10 seconds.");
            await Task.Delay(10);
        }
    }
}
