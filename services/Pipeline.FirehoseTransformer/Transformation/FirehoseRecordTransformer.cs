using System.Buffers;
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

        var statusAlerts = alerts is null
            ? null
            : new StatusAlertCounts(
                dataset.Name,
                dataset.StatusAlerts!,
                [.. alerts.OrderBy(a => a.Key.Status, StringComparer.Ordinal).ThenBy(a => a.Key.Group, StringComparer.Ordinal).Select(a => new StatusAlertCount(a.Key.Status, a.Key.Group, a.Value))]);
        return new TransformationOutcome(new FirehoseTransformationResponse(answers), failures, used, statusAlerts);
    }

    private (FirehoseTransformedRecord Answer, string? Reason, StatusAlert? Alert) Answer(in DecodedRecord record, RecordNormalizer? normalizer, string stream)
    {
        string? reason;
        if (normalizer is null)
        {
            reason = $"delivery stream '{stream}' does not end with a known dataset name ({string.Join(", ", _catalog.All.Select(d => d.Name))})";
        }
        else if (!record.IsDecoded)
        {
            reason = "record data is not valid base64";
        }
        else if (record.ArrivalTimestamp < MinArrivalMilliseconds || record.ArrivalTimestamp > MaxArrivalMilliseconds)
        {
            // Firehose never sends one, but an event is input: the time cannot become ingest_time, so the record fails alone.
            reason = $"approximateArrivalTimestamp {record.ArrivalTimestamp} is not a time DateTimeOffset can hold";
        }
        else
        {
            var arrival = DateTimeOffset.FromUnixTimeMilliseconds(record.ArrivalTimestamp);
            if (normalizer.TryNormalize(record.Data.Span, arrival, out var written, out var keys, out var alert, out var error))
            {
                return (new FirehoseTransformedRecord(record.RecordId, FirehoseRecordResult.Ok, Convert.ToBase64String(written), MetadataFor(keys)), null, alert);
            }

            reason = error;
        }

        // The original bytes go back unchanged: Firehose writes failed records to the error prefix as they arrived.
        return (new FirehoseTransformedRecord(record.RecordId, FirehoseRecordResult.ProcessingFailed, record.IsDecoded ? record.OriginalBase64 ?? "" : ""), reason, null);
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
