using Pipeline.UnitTests.LocalCloud.Sqs.Fakes;

namespace Pipeline.UnitTests.LocalCloud.Sqs;

/// <summary>
/// A long poll returns as soon as a message arrives, and empty when the wait ends. A receive that has to wait arms its
/// timer before it returns its task, on the test's thread, so the clock can be moved at once.
/// </summary>
public sealed class LongPollTests
{
    private readonly SqsTestBed _bed = new();

    public LongPollTests() => _bed.Store.Create("jobs", null);

    [Fact]
    public async Task A_waiting_receive_wakes_when_a_message_is_sent()
    {
        var receive = _bed.Store.ReceiveAsync("jobs", 10, null, TimeSpan.FromSeconds(20));
        Assert.False(receive.IsCompleted);

        await _bed.Store.SendAsync("jobs", "arrived");

        var received = await receive.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("arrived", Assert.Single(received).Body);
    }

    [Fact]
    public async Task A_waiting_receive_returns_empty_when_the_wait_ends()
    {
        var receive = _bed.Store.ReceiveAsync("jobs", 1, null, TimeSpan.FromSeconds(20));
        Assert.False(receive.IsCompleted);

        _bed.Time.Advance(TimeSpan.FromSeconds(19));
        await Task.Delay(20);
        Assert.False(receive.IsCompleted);
        _bed.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Empty(await receive.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_waiting_receive_wakes_when_an_in_flight_message_becomes_visible()
    {
        await _bed.Store.SendAsync("jobs", "retry me");
        Assert.Single(await _bed.Store.ReceiveAsync("jobs", 1, TimeSpan.FromSeconds(5), TimeSpan.Zero));

        var receive = _bed.Store.ReceiveAsync("jobs", 1, null, TimeSpan.FromSeconds(20));
        Assert.False(receive.IsCompleted);
        _bed.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal("retry me", Assert.Single(await receive.WaitAsync(TimeSpan.FromSeconds(5))).Body);
    }
}
