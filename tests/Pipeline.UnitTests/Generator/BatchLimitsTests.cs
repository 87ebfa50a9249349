using Pipeline.AwsShapes.Firehose;
using Pipeline.Aws.Firehose;
using Pipeline.Generator.Sending;
using Pipeline.UnitTests.Generator.Fakes;
using Pipeline.UnitTests.Support;

namespace Pipeline.UnitTests.Generator;

/// <summary>No PutRecordBatch call breaks Firehose's limits: 500 records, 4 MiB, 1,000 KiB per record.</summary>
public sealed class BatchLimitsTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task No_call_carries_more_than_500_records()
    {
        var time = new PendingTimersTimeProvider(Start);
        var client = new FakeFirehoseClient(time);
        var runner = new FirehoseLoadRunner(client, new SizedRecordSource(_ => 200), Options(count: 2_345, rate: 50_000), time);

        var outcome = await SteppedRun.RunAsync(runner, time);

        Assert.Equal(RunOutcome.Completed, outcome);
        Assert.All(client.Calls, c => Assert.InRange(c.Records.Count, 1, FirehoseLimits.MaxRecordsPerBatch));
        Assert.Contains(client.Calls, c => c.Records.Count == FirehoseLimits.MaxRecordsPerBatch);
        Assert.Equal(Enumerable.Range(0, 2_345).Select(i => (long)i), client.Calls.SelectMany(c => c.Records).Select(SizedRecordSource.IndexOf).Order());
    }

    [Fact]
    public async Task No_call_carries_more_than_4_MiB_counting_the_traceparent_each_record_gains()
    {
        // Eight of these fit in 4 MiB as generated, but not once each has gained its 72-byte traceparent field.
        const int size = FirehoseLimits.MaxBatchBytes / 8 - 36;
        var time = new PendingTimersTimeProvider(Start);
        var client = new FakeFirehoseClient(time);
        using var listener = BatchSpans.Listen();
        var runner = new FirehoseLoadRunner(client, new SizedRecordSource(_ => size, carriesTraceParent: true), Options(count: 40, rate: 1_000), time);

        var outcome = await SteppedRun.RunAsync(runner, time);

        Assert.Equal(RunOutcome.Completed, outcome);
        Assert.All(client.Calls, c => Assert.InRange(c.Records.Sum(r => (long)r.Length), 1, FirehoseLimits.MaxBatchBytes));
        Assert.All(client.Calls, c => Assert.Equal(size + 72, c.Records[0].Length));
        Assert.Equal(7, client.Calls.Max(c => c.Records.Count));
        Assert.Equal(40, client.Calls.Sum(c => c.Records.Count));
    }

    [Fact]
    public async Task A_record_over_1000_KiB_is_counted_failed_and_never_sent()
    {
        const int atLimit = FirehoseLimits.MaxRecordBytes - 72;
        var sizes = new Dictionary<long, int> { [3] = FirehoseLimits.MaxRecordBytes + 1, [5] = atLimit, [7] = atLimit + 1 };
        var time = new PendingTimersTimeProvider(Start);
        var client = new FakeFirehoseClient(time);
        using var listener = BatchSpans.Listen();
        var runner = new FirehoseLoadRunner(
            client, new SizedRecordSource(i => sizes.GetValueOrDefault(i, 100), carriesTraceParent: true), Options(count: 10, rate: 1_000), time);

        var outcome = await SteppedRun.RunAsync(runner, time);

        var snapshot = runner.Statistics.Snapshot();
        Assert.Equal(RunOutcome.CompletedWithFailures, outcome);
        var sent = client.Calls.SelectMany(c => c.Records).ToList();
        Assert.All(sent, r => Assert.True(r.Length <= FirehoseLimits.MaxRecordBytes, $"a record of {r.Length} bytes was sent"));
        Assert.Equal([0L, 1, 2, 4, 5, 6, 8, 9], sent.Select(SizedRecordSource.IndexOf).Order());
        Assert.Contains(sent, r => r.Length == FirehoseLimits.MaxRecordBytes);
        Assert.Equal(2, snapshot.Failed);
        Assert.Equal(2, snapshot.FailureReasons[FailureReasons.RecordTooLarge]);
        Assert.Equal(8, snapshot.Sent);
    }

    private static LoadOptions Options(long count, double rate) =>
        new() { DeliveryStream = "test-stream", Count = count, Rate = rate };
}
