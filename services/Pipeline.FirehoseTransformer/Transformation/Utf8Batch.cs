using System.Buffers;
using System.Diagnostics;

namespace Pipeline.FirehoseTransformer.Transformation;

/// <summary>
/// An invocation read straight from its UTF-8 bytes (<see cref="FirehoseEventReader"/>): the event it points into,
/// the records and one buffer rented for all their decoded bytes (and one for the records). Valid while the event's bytes are; disposing the
/// batch returns the buffer.
/// </summary>
public sealed class Utf8Batch : IDisposable
{
    private byte[]? _buffer;
    private Utf8Record[]? _records;

    internal Utf8Batch(ReadOnlyMemory<byte> invocation, string deliveryStreamArn, Utf8Record[] rentedRecords, int count, byte[] rentedBuffer)
    {
        Invocation = invocation;
        DeliveryStreamArn = deliveryStreamArn;
        Records = new ArraySegment<Utf8Record>(rentedRecords, 0, count);
        _records = rentedRecords;
        _buffer = rentedBuffer;
    }

    /// <summary>The event's bytes, which the records' ids and original data point into.</summary>
    public ReadOnlyMemory<byte> Invocation { get; }

    public string DeliveryStreamArn { get; }

    public IReadOnlyList<Utf8Record> Records { get; }

    internal ReadOnlySpan<Utf8Record> RecordSpan => ((ArraySegment<Utf8Record>)Records).AsSpan();

    internal ReadOnlySpan<byte> RecordId(in Utf8Record record) => Invocation.Span[record.RecordId];

    internal ReadOnlySpan<byte> Original(in Utf8Record record) => Invocation.Span[record.Original];

    internal ReadOnlySpan<byte> Data(in Utf8Record record) =>
        (_buffer ?? throw new ObjectDisposedException(nameof(Utf8Batch))).AsSpan(record.DataStart, record.DataLength);

    public IReadOnlyList<ActivityContext> DistinctTraceContexts() =>
        Records.Where(r => r.TraceContext is not null).Select(r => r.TraceContext!.Value).Distinct().ToArray();

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (_records is { } records)
        {
            _records = null;
            ArrayPool<Utf8Record>.Shared.Return(records, clearArray: true);
        }
    }
}
