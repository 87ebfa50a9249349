using Pipeline.Aws.Firehose;
using Pipeline.AwsShapes.Firehose;

namespace Pipeline.UnitTests.Generator.Fakes;

/// <summary>An endpoint that accepts everything but answers each call only after <paramref name="delay"/> (real time).</summary>
internal sealed class SlowFirehoseClient(TimeSpan delay) : IFirehoseClient
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public async Task<PutRecordBatchOutput> PutRecordBatchAsync(string deliveryStreamName, IReadOnlyList<ReadOnlyMemory<byte>> records, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        await Task.Delay(delay, cancellationToken);
        return FakeFirehoseClient.Accept(records.Count);
    }

    public Task<PutRecordOutput> PutRecordAsync(string deliveryStreamName, ReadOnlyMemory<byte> record, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The generator only uses PutRecordBatch.");
}
