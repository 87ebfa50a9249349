using System.Buffers;
using System.Diagnostics;

namespace Pipeline.FirehoseTransformer.Transformation;

/// <summary>
/// An invocation's records decoded, before transformation. Decoding comes first so the function's span can be
/// started with links to every distinct producer span the records carry. Every record's bytes live in one buffer
/// rented for the invocation (one rent instead of an array per record); disposing the batch returns it.
/// </summary>
public sealed class DecodedBatch : IDisposable
{
    private byte[]? _buffer;

    public DecodedBatch(string deliveryStreamArn, IReadOnlyList<DecodedRecord> records)
        : this(deliveryStreamArn, records, null)
    {
    }

    internal DecodedBatch(string deliveryStreamArn, IReadOnlyList<DecodedRecord> records, byte[]? rented)
    {
        DeliveryStreamArn = deliveryStreamArn;
        Records = records;
        _buffer = rented;
    }

    public string DeliveryStreamArn { get; }

    public IReadOnlyList<DecodedRecord> Records { get; }

    public IReadOnlyList<ActivityContext> DistinctTraceContexts() =>
        Records.Where(r => r.TraceContext is not null).Select(r => r.TraceContext!.Value).Distinct().ToArray();

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
