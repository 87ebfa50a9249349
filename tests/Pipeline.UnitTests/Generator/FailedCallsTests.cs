using System.Net;
using Pipeline.Aws;
using Pipeline.Generator.Sending;
using Pipeline.UnitTests.Generator.Fakes;
using Pipeline.UnitTests.Support;

namespace Pipeline.UnitTests.Generator;

/// <summary>A call that throws is retried whole when the error can heal, and stops the run when it cannot.</summary>
public sealed class FailedCallsTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_throttled_or_unavailable_call_is_retried_with_the_same_records()
    {
        var time = new PendingTimersTimeProvider(Start);
        var client = new FakeFirehoseClient(time)
        {
            Respond = (call, _) => call switch
            {
                0 => throw new AwsServiceException("Firehose", "PutRecordBatch", "ServiceUnavailableException", "Slow down.", HttpStatusCode.BadRequest),
                1 => throw new HttpRequestException("connection reset"),
                _ => null,
            },
        };
        var runner = new FirehoseLoadRunner(client, new SizedRecordSource(_ => 100), Options(), time);

        var outcome = await SteppedRun.RunAsync(runner, time);

        Assert.Equal(RunOutcome.Completed, outcome);
        var calls = client.Calls;
        Assert.Equal(3, calls.Count);
        Assert.Equal(calls[0].Records, calls[1].Records);
        Assert.Equal(calls[0].Records, calls[2].Records);
        Assert.True(calls[2].At - calls[1].At >= TimeSpan.FromMilliseconds(100), "the second retry waits at least half of 200 ms");
        var snapshot = runner.Statistics.Snapshot();
        Assert.Equal(25, snapshot.Sent);
        Assert.Equal(2, snapshot.CallErrors);
        Assert.Equal(50, snapshot.Retried);
    }

    [Fact]
    public async Task A_missing_stream_stops_the_run_and_every_record_is_accounted_for()
    {
        var time = new PendingTimersTimeProvider(Start);
        var client = new FakeFirehoseClient(time)
        {
            Respond = (_, _) => throw new AwsServiceException("Firehose", "PutRecordBatch", "ResourceNotFoundException", "Firehose test-stream not found.", HttpStatusCode.BadRequest),
        };
        var runner = new FirehoseLoadRunner(client, new SizedRecordSource(_ => 100), Options() with { Count = 5_000 }, time);

        var outcome = await SteppedRun.RunAsync(runner, time);

        Assert.Equal(RunOutcome.Aborted, outcome);
        Assert.Contains("not found", runner.FatalError!.Message);
        Assert.Single(client.Calls);
        var snapshot = runner.Statistics.Snapshot();
        Assert.Equal(0, snapshot.Sent);
        Assert.Equal(snapshot.Generated, snapshot.Failed);
        Assert.Equal(0, snapshot.InFlightRecords);
        Assert.True(snapshot.Generated < 5_000, "production stops after the fatal error");
    }

    private static LoadOptions Options() => new() { DeliveryStream = "test-stream", Count = 25, Rate = 1_000 };
}
