using Pipeline.Generator.Data;

namespace Pipeline.Generator.Sending;

/// <summary>The counters of a run at one moment.</summary>
/// <param name="Generated">Records produced so far (each is eventually sent, failed or still in flight).</param>
/// <param name="Sent">Records Firehose accepted (in a dry run: written).</param>
/// <param name="BytesSent">Bytes of the accepted (or written) records.</param>
/// <param name="Failed">Records that finally failed, including those too large to send.</param>
/// <param name="Retried">Record resends: a record sent three times counts two.</param>
/// <param name="Calls">PutRecordBatch calls answered (whole or partial success).</param>
/// <param name="CallErrors">PutRecordBatch calls that threw (throttling beyond the client's retries, 5xx, network).</param>
/// <param name="InFlightRequests">PutRecordBatch calls under way, retries and their waits included.</param>
/// <param name="InFlightRecords">Records in those calls.</param>
/// <param name="Flaws">Records generated with each flaw, indexed by <see cref="RecordFlaw"/>.</param>
/// <param name="FailureReasons">Finally failed records by error code or reason.</param>
/// <param name="Throttled">Record sends refused with a throttling or service-unavailable answer.</param>
/// <param name="Delayed">Records whose batch waited for a free call slot.</param>
/// <param name="SlotWait">How long the producer waited for free call slots, in total.</param>
public sealed record StatisticsSnapshot(
    TimeSpan Elapsed,
    long Generated,
    long Sent,
    long BytesSent,
    long Failed,
    long Retried,
    long Calls,
    long CallErrors,
    int InFlightRequests,
    long InFlightRecords,
    IReadOnlyList<long> Flaws,
    IReadOnlyDictionary<string, long> FailureReasons,
    long Throttled = 0,
    long Delayed = 0,
    TimeSpan SlotWait = default)
{
    public long FlawCount(RecordFlaw flaw) => Flaws[(int)flaw];
}
