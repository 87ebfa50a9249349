using System.Collections.Concurrent;
using Pipeline.AwsShapes.Firehose;
using Pipeline.Aws.Firehose;

namespace Pipeline.UnitTests.Generator.Fakes;

/// <summary>
/// Firehose in memory: records every PutRecordBatch call (copying the bytes, which the sender reuses after the call)
/// and answers with <see cref="Respond"/>, or accepts everything. A responder that throws makes the call throw.
/// </summary>
internal sealed class FakeFirehoseClient(TimeProvider? time = null) : IFirehoseClient
{
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private int _count;

    /// <summary>Answers call number <c>index</c> (from 0) given its records; null accepts them all.</summary>
    public Func<int, IReadOnlyList<byte[]>, PutRecordBatchOutput?>? Respond { get; init; }

    public IReadOnlyList<RecordedCall> Calls => [.. _calls.OrderBy(c => c.Index)];

    public static PutRecordBatchOutput Accept(int count) =>
        new() { FailedPutCount = 0, Encrypted = false, RequestResponses = Enumerable.Range(0, count).Select(i => new PutRecordBatchResponseEntry { RecordId = $"rec-{i}", ErrorCode = null, ErrorMessage = null }).ToArray() };

    public Task<PutRecordBatchOutput> PutRecordBatchAsync(string deliveryStreamName, IReadOnlyList<ReadOnlyMemory<byte>> records, CancellationToken cancellationToken = default)
    {
        var copy = records.Select(r => r.ToArray()).ToArray();
        var index = Interlocked.Increment(ref _count) - 1;
        _calls.Enqueue(new RecordedCall(index, (time ?? TimeProvider.System).GetUtcNow(), deliveryStreamName, copy));
        try
        {
            return Task.FromResult(Respond?.Invoke(index, copy) ?? Accept(copy.Length));
        }
        catch (Exception e)
        {
            return Task.FromException<PutRecordBatchOutput>(e);
        }
    }

    public Task<PutRecordOutput> PutRecordAsync(string deliveryStreamName, ReadOnlyMemory<byte> record, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The generator only uses PutRecordBatch.");
}
