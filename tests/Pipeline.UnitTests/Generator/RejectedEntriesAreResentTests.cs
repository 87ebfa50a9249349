using Pipeline.AwsShapes.Firehose;
using Pipeline.Aws.Firehose;
using Pipeline.Generator.Sending;
using Pipeline.UnitTests.Generator.Fakes;
using Pipeline.UnitTests.Support;

namespace Pipeline.UnitTests.Generator;

/// <summary>A partly failed PutRecordBatch is followed by a call with exactly the rejected entries, and only those.</summary>
public sealed class RejectedEntriesAreResentTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Only_the_rejected_entries_are_sent_again()
    {
        int[] rejected = [2, 5, 11];
        var time = new PendingTimersTimeProvider(Start);
        var client = new FakeFirehoseClient(time)
        {
            Respond = (call, records) => call == 0 ? Reject(records.Count, rejected, "ServiceUnavailableException") : null,
        };
        var runner = new FirehoseLoadRunner(client, new SizedRecordSource(_ => 120), Options(count: 20), time);

        var outcome = await SteppedRun.RunAsync(runner, time);

        Assert.Equal(RunOutcome.Completed, outcome);
        var calls = client.Calls;
        Assert.Equal(2, calls.Count);
        Assert.Equal(20, calls[0].Records.Count);
        Assert.Equal(rejected.Select(i => calls[0].Records[i]), calls[1].Records);
        var snapshot = runner.Statistics.Snapshot();
        Assert.Equal(20, snapshot.Sent);
        Assert.Equal(0, snapshot.Failed);
        Assert.Equal(3, snapshot.Retried);
        Assert.Equal(calls[0].Records.Sum(r => (long)r.Length), snapshot.BytesSent);
    }

    [Fact]
    public async Task Entries_rejected_on_every_attempt_count_as_failed_with_their_error_code()
    {
        var time = new PendingTimersTimeProvider(Start);
        var client = new FakeFirehoseClient(time)
        {
            // The record with index 4 is rejected whenever it comes.
            Respond = (_, records) => Reject(records.Count, [.. records.Select((r, i) => (r, i)).Where(x => SizedRecordSource.IndexOf(x.r) == 4).Select(x => x.i)], "InternalFailure"),
        };
        var runner = new FirehoseLoadRunner(client, new SizedRecordSource(_ => 120), Options(count: 10) with { MaxAttempts = 3 }, time);

        var outcome = await SteppedRun.RunAsync(runner, time);

        Assert.Equal(RunOutcome.CompletedWithFailures, outcome);
        Assert.Equal([10, 1, 1], client.Calls.Select(c => c.Records.Count));
        var snapshot = runner.Statistics.Snapshot();
        Assert.Equal(9, snapshot.Sent);
        Assert.Equal(1, snapshot.Failed);
        Assert.Equal(2, snapshot.Retried);
        Assert.Equal(1, snapshot.FailureReasons["InternalFailure"]);
    }

    private static PutRecordBatchOutput Reject(int count, int[] failed, string code) => new()
    {
        FailedPutCount = failed.Length,
        Encrypted = false,
        RequestResponses = Enumerable.Range(0, count)
            .Select(i => failed.Contains(i)
                ? new PutRecordBatchResponseEntry { RecordId = null, ErrorCode = code, ErrorMessage = "Slow down." }
                : new PutRecordBatchResponseEntry { RecordId = $"rec-{i}", ErrorCode = null, ErrorMessage = null })
            .ToArray(),
    };

    private static LoadOptions Options(long count) => new() { DeliveryStream = "test-stream", Count = count, Rate = 1_000 };
}
