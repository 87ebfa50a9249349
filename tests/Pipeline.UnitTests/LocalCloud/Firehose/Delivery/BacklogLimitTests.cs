using Pipeline.LocalCloud.Firehose;
using Pipeline.LocalCloud.Hosting;
using Pipeline.UnitTests.LocalCloud.Firehose.Fakes;
using static Pipeline.UnitTests.LocalCloud.Firehose.Fakes.FirehoseTestBed;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Delivery;

/// <summary>
/// A stream takes records up to its backlog limit, then answers ServiceUnavailableException ("Slow down.") without
/// journaling the refused call, and takes records again once delivery has drained the backlog.
/// </summary>
public sealed class BacklogLimitTests : IAsyncLifetime
{
    private readonly FirehoseTestBed _bed = new(options: new FirehoseEngineOptions { LambdaRetryDelay = TimeSpan.Zero, MaxBacklogBytes = 1000 });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task A_full_backlog_answers_slow_down_and_accepts_again_after_delivery()
    {
        await _bed.CreateAsync("s", Destination(sizeInMBs: 1, intervalInSeconds: 60));
        var record = new string('r', 400);
        await _bed.PutAsync("s", record);
        await _bed.PutAsync("s", record);

        var refused = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.PutAsync("s", record));

        Assert.Equal("ServiceUnavailableException", refused.Code);
        Assert.Equal(503, refused.StatusCode);
        Assert.Equal("Slow down.", refused.Message);
        Assert.Equal(2, _bed.Service.Get("s").BufferedRecords);

        _bed.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(2, (await _bed.Service.DeliverDueAsync("s")).Records);
        await _bed.PutAsync("s", "after");
        _bed.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(1, (await _bed.Service.DeliverDueAsync("s")).Records);
        Assert.Equal(record + record + "after", string.Concat(_bed.Store.Objects.Select(ObjectText.Of)));
    }

    [Fact]
    public async Task An_empty_backlog_takes_a_call_larger_than_the_limit()
    {
        await _bed.CreateAsync("s", Destination(sizeInMBs: 1, intervalInSeconds: 60));

        await _bed.PutAsync("s", new string('x', 1500));

        Assert.Equal(1, _bed.Service.Get("s").BufferedRecords);
    }
}
