using Pipeline.Aws.Firehose;

namespace Pipeline.Generator.Sending;

/// <summary>
/// The records of one PutRecordBatch call. Records are collected without a trace context; <see cref="Seal"/> then
/// writes each into the payload with the <c>traceparent</c> of the batch's span, which only exists once the batch is
/// sent. The size of a record with its traceparent is known up front (the value has a fixed length), so the limits
/// hold for the sealed payload. Instances are pooled and reused.
/// </summary>
internal sealed class RecordBatch
{
    /// <summary>The length of a W3C traceparent value: <c>00-</c>, 32 hex, <c>-</c>, 16 hex, <c>-</c>, 2 hex.</summary>
    public const int TraceParentLength = 55;

    private static readonly byte[] FieldStart = ",\"traceparent\":\""u8.ToArray();

    private readonly List<(int Offset, int Length, bool Inject)> _items = new(FirehoseLimits.MaxRecordsPerBatch);
    private readonly List<ReadOnlyMemory<byte>> _records = new(FirehoseLimits.MaxRecordsPerBatch);
    private byte[] _bodies = new byte[64 * 1024];
    private byte[] _payload = new byte[64 * 1024];
    private int _bodiesUsed;

    public int Count => _items.Count;

    /// <summary>Bytes the records will have once sealed (what Firehose's 4 MiB limit counts).</summary>
    public long PayloadBytes { get; private set; }

    /// <summary>The sealed records; valid until the batch goes back to the pool.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Records => _records;

    /// <summary>The size <paramref name="body"/> will have in the payload, with a traceparent when <paramref name="inject"/>.</summary>
    public static int SealedSize(ReadOnlySpan<byte> body, bool inject) =>
        inject && CanInject(body) ? body.Length + TraceParentLength + FieldStart.Length + (IsEmptyObject(body) ? 1 : 2) - 1 : body.Length;

    public void Add(ReadOnlySpan<byte> body, bool inject)
    {
        EnsureCapacity(ref _bodies, _bodiesUsed + body.Length);
        body.CopyTo(_bodies.AsSpan(_bodiesUsed));
        var canInject = inject && CanInject(body);
        _items.Add((_bodiesUsed, body.Length, canInject));
        _bodiesUsed += body.Length;
        PayloadBytes += SealedSize(body, canInject);
    }

    /// <summary>Writes the payload: every record that takes one gets <paramref name="traceParent"/>, if there is one.</summary>
    public void Seal(string? traceParent)
    {
        if (traceParent is not null && traceParent.Length != TraceParentLength)
        {
            throw new ArgumentException($"A traceparent has {TraceParentLength} characters.", nameof(traceParent));
        }

        EnsureCapacity(ref _payload, (int)PayloadBytes);
        _records.Clear();
        var at = 0;
        foreach (var (offset, length, inject) in _items)
        {
            var body = _bodies.AsSpan(offset, length);
            var start = at;
            if (inject && traceParent is not null)
            {
                // {"a":1} becomes {"a":1,"traceparent":"00-…"}: drop the closing brace, append the field, close again.
                body[..^1].CopyTo(_payload.AsSpan(at));
                at += length - 1;
                var field = IsEmptyObject(body) ? FieldStart.AsSpan(1) : FieldStart;
                field.CopyTo(_payload.AsSpan(at));
                at += field.Length;
                foreach (var c in traceParent)
                {
                    _payload[at++] = (byte)c;
                }

                _payload[at++] = (byte)'"';
                _payload[at++] = (byte)'}';
            }
            else
            {
                body.CopyTo(_payload.AsSpan(at));
                at += length;
            }

            _records.Add(_payload.AsMemory(start, at - start));
        }
    }

    public void Clear()
    {
        _items.Clear();
        _records.Clear();
        _bodiesUsed = 0;
        PayloadBytes = 0;
    }

    private static bool CanInject(ReadOnlySpan<byte> body) => body.Length >= 2 && body[0] == (byte)'{' && body[^1] == (byte)'}';

    private static bool IsEmptyObject(ReadOnlySpan<byte> body) => body.Length == 2;

    private static void EnsureCapacity(ref byte[] buffer, int needed)
    {
        if (buffer.Length < needed)
        {
            Array.Resize(ref buffer, Math.Max(needed, buffer.Length * 2));
        }
    }
}
