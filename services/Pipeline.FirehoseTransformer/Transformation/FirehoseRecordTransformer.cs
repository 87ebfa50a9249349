using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Pipeline.Contracts.Aws;
using Pipeline.Contracts.Aws.Firehose;
using Pipeline.Contracts.Datasets;
using Pipeline.ServiceDefaults.Tracing;

namespace Pipeline.FirehoseTransformer.Transformation;

/// <summary>
/// Firehose's data-transformation contract for every dataset: each input record answered exactly once, valid records
/// normalised (<c>Ok</c>), invalid ones <c>ProcessingFailed</c> so Firehose writes them under the error prefix, and a
/// response that never exceeds Lambda's 6 MB. The dataset comes from the delivery stream's name
/// (<c>&lt;name_prefix&gt;-&lt;dataset&gt;</c>). Not thread-safe: a Lambda process handles one invocation at a time.
/// </summary>
public sealed class FirehoseRecordTransformer
{
    private static readonly long MinArrivalMilliseconds = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxArrivalMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    private readonly DatasetCatalog _catalog;
    private readonly int _maxResponseBytes;
    private readonly Dictionary<string, RecordNormalizer> _normalizers = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, string>? _lastKeys;
    private FirehoseRecordMetadata? _lastMetadata;
    private readonly Dictionary<IReadOnlyDictionary<string, string>, byte[]> _metadataBytes = new(ReferenceEqualityComparer.Instance);

    public FirehoseRecordTransformer(DatasetCatalog catalog, int maxResponseBytes = TransformerLimits.MaxResponseBytes)
    {
        _catalog = catalog;
        _maxResponseBytes = maxResponseBytes;
    }

    public TransformationOutcome Transform(FirehoseTransformationEvent invocation)
    {
        using var batch = Decode(invocation);
        return Transform(batch);
    }

    /// <summary>
    /// Decodes every record's base64, into one pooled buffer for the whole invocation, and reads the producer's trace
    /// context. Dispose the batch once transformed.
    /// </summary>
    public static DecodedBatch Decode(FirehoseTransformationEvent invocation)
    {
        // Not a Firehose transformation event at all: fail the invocation clearly rather than answer nothing.
        if (invocation.Records is null || invocation.DeliveryStreamArn is null)
        {
            throw new InvalidDataException("The event is not a Firehose transformation event: 'records' and 'deliveryStreamArn' are required.");
        }

        // Base64 never decodes to more than three bytes per four characters (white space only makes it less).
        long capacity = 0;
        foreach (var record in invocation.Records)
        {
            capacity += ((long)(record.Data?.Length ?? 0) / 4 + 1) * 3;
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(capacity, Array.MaxLength));
        var records = new DecodedRecord[invocation.Records.Count];
        var used = 0;
        for (var i = 0; i < records.Length; i++)
        {
            var record = invocation.Records[i];

            // Same rules as Convert.FromBase64String (white space ignored, padding required); a failure is reported
            // as a failed record by Transform.
            var decoded = Convert.TryFromBase64String(record.Data ?? "", buffer.AsSpan(used), out var written);
            var data = decoded ? buffer.AsMemory(used, written) : ReadOnlyMemory<byte>.Empty;
            used += decoded ? written : 0;
            var context = decoded && RecordTraceContext.TryExtract(data.Span, out var extracted) ? extracted : (System.Diagnostics.ActivityContext?)null;
            records[i] = new DecodedRecord(record.RecordId, record.ApproximateArrivalTimestamp, data, decoded, record.Data, context);
        }

        return new DecodedBatch(invocation.DeliveryStreamArn, records, buffer);
    }

    public TransformationOutcome Transform(DecodedBatch batch)
    {
        var failures = new List<RecordFailure>();
        var answers = new FirehoseTransformedRecord[batch.Records.Count];

        // Room for every record's smallest possible answer is held back, so a large early record can never leave a
        // later one unanswered.
        var minimal = new int[batch.Records.Count];
        var reserved = 0;
        for (var i = 0; i < minimal.Length; i++)
        {
            minimal[i] = ResponseSize.MinimalFailure(batch.Records[i].RecordId) + 1;
            reserved += minimal[i];
        }

        var used = ResponseSize.Envelope;
        var normalizer = _catalog.TryGetByStream(batch.DeliveryStreamArn, out var dataset) ? NormalizerFor(dataset) : null;
        var alerts = normalizer?.Dataset.StatusAlerts is null ? null : new Dictionary<StatusAlert, int>();

        for (var i = 0; i < answers.Length; i++)
        {
            var record = batch.Records[i];
            reserved -= minimal[i];

            var (answer, reason, alert) = Answer(in record, normalizer, batch.DeliveryStreamArn);
            var size = ResponseSize.Of(answer) + (i > 0 ? 1 : 0);
            if (used + size + reserved > _maxResponseBytes)
            {
                answer = new FirehoseTransformedRecord(record.RecordId, FirehoseRecordResult.ProcessingFailed, "");
                reason = $"the response would exceed Lambda's {_maxResponseBytes:N0}-byte limit; the record goes to the error output";
                size = ResponseSize.Of(answer) + (i > 0 ? 1 : 0);
                alert = null;
            }

            // Only records that go on to the data lake count: a rejected record's status is not the vehicle's.
            if (alert is not null && alerts is not null)
            {
                alerts[alert] = alerts.GetValueOrDefault(alert) + 1;
            }

            if (reason is not null)
            {
                failures.Add(new RecordFailure(record.RecordId, reason));
            }

            answers[i] = answer;
            used += size;
        }

        return new TransformationOutcome(new FirehoseTransformationResponse(answers), failures, used, AlertCounts(dataset, alerts));
    }

    private static StatusAlertCounts? AlertCounts(DatasetDefinition? dataset, Dictionary<StatusAlert, int>? alerts) =>
        alerts is null
            ? null
            : new StatusAlertCounts(
                dataset!.Name,
                dataset.StatusAlerts!,
                [.. alerts.OrderBy(a => a.Key.Status, StringComparer.Ordinal).ThenBy(a => a.Key.Group, StringComparer.Ordinal).Select(a => new StatusAlertCount(a.Key.Status, a.Key.Group, a.Value))]);

    /// <summary>
    /// Transforms an invocation read as bytes (<see cref="FirehoseEventReader"/>) and writes the response's JSON to
    /// <paramref name="output"/>: byte for byte what the typed path's response serialises to with
    /// <c>AwsEventsJson.Context</c>, without a string or an object per record.
    /// </summary>
    public Utf8TransformationOutcome Transform(Utf8Batch batch, IBufferWriter<byte> output)
    {
        var records = batch.RecordSpan;
        var failures = new List<RecordFailure>();

        // Room for every record's smallest possible answer is held back, as on the typed path.
        var reserved = 0;
        foreach (ref readonly var record in records)
        {
            reserved += ResponseSize.MinimalFailure(record.RecordId.GetOffsetAndLength(batch.Invocation.Length).Length) + 1;
        }

        var used = ResponseSize.Envelope;
        var stream = batch.DeliveryStreamArn;
        var normalizer = _catalog.TryGetByStream(stream, out var dataset) ? NormalizerFor(dataset) : null;
        var alerts = normalizer?.Dataset.StatusAlerts is null ? null : new Dictionary<StatusAlert, int>();

        output.Write("{\"records\":["u8);
        for (var i = 0; i < records.Length; i++)
        {
            ref readonly var record = ref records[i];
            var id = batch.RecordId(in record);
            reserved -= ResponseSize.MinimalFailure(id.Length) + 1;

            var reason = Normalize(record.IsDecoded, record.ArrivalTimestamp, batch.Data(in record), normalizer, stream, out var written, out var keys, out var alert);
            var ok = reason is null;
            ReadOnlySpan<byte> original = ok || !record.IsDecoded ? default : batch.Original(in record);
            ReadOnlySpan<byte> metadata = ok ? MetadataBytesFor(keys) : default;
            var dataLength = ok ? Base64.GetMaxEncodedToUtf8Length(written.Length) : original.Length;
            var separator = i > 0 ? 1 : 0;
            var size = ResponseSize.Of(id.Length, ok, dataLength, metadata.Length) + separator;
            if (used + size + reserved > _maxResponseBytes)
            {
                ok = false;
                original = default;
                metadata = default;
                dataLength = 0;
                reason = $"the response would exceed Lambda's {_maxResponseBytes:N0}-byte limit; the record goes to the error output";
                size = ResponseSize.Of(id.Length, ok, dataLength, 0) + separator;
                alert = null;
            }

            if (alert is not null && alerts is not null)
            {
                alerts[alert] = alerts.GetValueOrDefault(alert) + 1;
            }

            if (reason is not null)
            {
                failures.Add(new RecordFailure(Encoding.ASCII.GetString(id), reason));
            }

            var span = output.GetSpan(size);
            var at = 0;
            if (separator > 0)
            {
                span[at++] = (byte)',';
            }

            at += Put(span[at..], "{\"recordId\":\""u8);
            at += Put(span[at..], id);
            at += Put(span[at..], ok ? "\",\"result\":\"Ok\",\"data\":\""u8 : "\",\"result\":\"ProcessingFailed\",\"data\":\""u8);
            if (ok)
            {
                Base64.EncodeToUtf8(written, span[at..], out _, out var encoded);
                at += encoded;
            }
            else
            {
                at += Put(span[at..], original);
            }

            span[at++] = (byte)'"';
            at += Put(span[at..], metadata);
            span[at++] = (byte)'}';
            Debug.Assert(at == size, "the computed size is the written size");
            output.Advance(size);
            used += size;
        }

        output.Write("]}"u8);
        return new Utf8TransformationOutcome(records.Length, failures, used, AlertCounts(dataset, alerts));
    }

    private static int Put(Span<byte> destination, ReadOnlySpan<byte> value)
    {
        value.CopyTo(destination);
        return value.Length;
    }

    // ,"metadata":{"partitionKeys":{…}} as the serializer writes it, once per key set (the normaliser shares them).
    private ReadOnlySpan<byte> MetadataBytesFor(IReadOnlyDictionary<string, string>? keys)
    {
        if (keys is not { Count: > 0 })
        {
            return default;
        }

        if (!_metadataBytes.TryGetValue(keys, out var bytes))
        {
            if (_metadataBytes.Count >= 64)
            {
                _metadataBytes.Clear();
            }

            bytes = [.. ",\"metadata\":"u8, .. JsonSerializer.SerializeToUtf8Bytes(new FirehoseRecordMetadata(keys), AwsEventsJson.Context.FirehoseRecordMetadata)];
            _metadataBytes[keys] = bytes;
        }

        return bytes;
    }

    private (FirehoseTransformedRecord Answer, string? Reason, StatusAlert? Alert) Answer(in DecodedRecord record, RecordNormalizer? normalizer, string stream)
    {
        var reason = Normalize(record.IsDecoded, record.ArrivalTimestamp, record.Data.Span, normalizer, stream, out var written, out var keys, out var alert);
        if (reason is null)
        {
            return (new FirehoseTransformedRecord(record.RecordId, FirehoseRecordResult.Ok, Convert.ToBase64String(written), MetadataFor(keys)), null, alert);
        }

        // The original bytes go back unchanged: Firehose writes failed records to the error prefix as they arrived.
        return (new FirehoseTransformedRecord(record.RecordId, FirehoseRecordResult.ProcessingFailed, record.IsDecoded ? record.OriginalBase64 ?? "" : ""), reason, null);
    }

    // One record's fate, for both paths: null and the normalised record (valid until the next call), or why it failed.
    private string? Normalize(
        bool isDecoded,
        long arrivalTimestamp,
        ReadOnlySpan<byte> data,
        RecordNormalizer? normalizer,
        string stream,
        out ReadOnlySpan<byte> written,
        out IReadOnlyDictionary<string, string>? keys,
        out StatusAlert? alert)
    {
        written = default;
        keys = null;
        alert = null;
        if (normalizer is null)
        {
            return $"delivery stream '{stream}' does not end with a known dataset name ({string.Join(", ", _catalog.All.Select(d => d.Name))})";
        }

        if (!isDecoded)
        {
            return "record data is not valid base64";
        }

        if (arrivalTimestamp < MinArrivalMilliseconds || arrivalTimestamp > MaxArrivalMilliseconds)
        {
            // Firehose never sends one, but an event is input: the time cannot become ingest_time, so the record fails alone.
            return $"approximateArrivalTimestamp {arrivalTimestamp} is not a time DateTimeOffset can hold";
        }

        var arrival = DateTimeOffset.FromUnixTimeMilliseconds(arrivalTimestamp);
        return normalizer.TryNormalize(data, arrival, out written, out keys, out alert, out var error) ? null : error;
    }

    // The normaliser hands out one key set per distinct value set, so their metadata can be shared the same way.
    private FirehoseRecordMetadata? MetadataFor(IReadOnlyDictionary<string, string>? keys)
    {
        if (keys is not { Count: > 0 })
        {
            return null;
        }

        if (!ReferenceEquals(keys, _lastKeys))
        {
            _lastKeys = keys;
            _lastMetadata = new FirehoseRecordMetadata(keys);
        }

        return _lastMetadata;
    }

    private RecordNormalizer NormalizerFor(DatasetDefinition dataset)
    {
        if (!_normalizers.TryGetValue(dataset.Name, out var normalizer))
        {
            normalizer = new RecordNormalizer(dataset);
            _normalizers[dataset.Name] = normalizer;
        }

        return normalizer;
    }
}
