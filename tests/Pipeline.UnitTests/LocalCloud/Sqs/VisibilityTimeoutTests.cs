using Pipeline.UnitTests.LocalCloud.Sqs.Fakes;

namespace Pipeline.UnitTests.LocalCloud.Sqs;

/// <summary>A received message stays hidden for the visibility timeout, then is delivered again.</summary>
public sealed class VisibilityTimeoutTests
{
    private readonly SqsTestBed _bed = new();

    public VisibilityTimeoutTests() => _bed.Store.Create("jobs", new Dictionary<string, string> { ["VisibilityTimeout"] = "30" });

    [Fact]
    public async Task A_received_message_is_hidden_until_the_timeout_ends()
    {
        await _bed.Store.SendAsync("jobs", "hello");

        var first = await _bed.ReceiveNowAsync("jobs");
        _bed.Time.Advance(TimeSpan.FromSeconds(29));
        var during = await _bed.ReceiveNowAsync("jobs");
        Assert.Equal(1, _bed.Count("jobs", "ApproximateNumberOfMessagesNotVisible"));
        _bed.Time.Advance(TimeSpan.FromSeconds(1));
        var after = await _bed.ReceiveNowAsync("jobs");

        Assert.Equal("hello", Assert.Single(first).Body);
        Assert.Empty(during);
        var again = Assert.Single(after);
        Assert.Equal(first[0].MessageId, again.MessageId);
        Assert.Equal(2, again.ReceiveCount);
        Assert.NotEqual(first[0].ReceiptHandle, again.ReceiptHandle);
        Assert.Equal(first[0].FirstReceivedAt, again.FirstReceivedAt);
    }

    [Fact]
    public async Task A_deleted_message_is_not_delivered_again()
    {
        await _bed.Store.SendAsync("jobs", "hello");
        var received = Assert.Single(await _bed.ReceiveNowAsync("jobs"));

        await _bed.Store.DeleteAsync("jobs", received.ReceiptHandle);
        _bed.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(await _bed.ReceiveNowAsync("jobs"));
        Assert.Equal(0, _bed.Count("jobs", "ApproximateNumberOfMessages"));
    }

    [Fact]
    public async Task Changing_visibility_to_zero_makes_the_message_receivable_at_once()
    {
        await _bed.Store.SendAsync("jobs", "hello");
        var received = Assert.Single(await _bed.ReceiveNowAsync("jobs"));

        _bed.Store.ChangeVisibility("jobs", received.ReceiptHandle, 0);

        Assert.Single(await _bed.ReceiveNowAsync("jobs"));
    }
}
