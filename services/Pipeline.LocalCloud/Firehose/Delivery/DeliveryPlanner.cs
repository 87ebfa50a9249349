using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pipeline.LocalCloud.Firehose.Configuration;
using Pipeline.LocalCloud.Firehose.Prefixes;

namespace Pipeline.LocalCloud.Firehose.Delivery;

/// <summary>
/// Decides the objects of one delivery from its processed records, deterministically: records that succeeded are
/// grouped by their partition keys (one group without dynamic partitioning), each group is one object under the
/// Prefix evaluated at its oldest record's arrival; failed records are one object per error output type under
/// the ErrorOutputPrefix. Keys end in <c>&lt;stream&gt;-&lt;version&gt;-yyyy-MM-dd-HH-mm-ss-&lt;uuid&gt;&lt;extension&gt;</c>, the
/// time being the oldest record's arrival in UTC and the uuid derived from the journal range and the object.
/// </summary>
internal static class DeliveryPlanner
{
    public static DeliveryPlan Plan(
        DeliveryStreamSettings settings,
        IReadOnlyList<ProcessedRecord> records,
        DateTimeOffset now,
        int maxActivePartitions = FirehoseLimits.MaxActivePartitions)
    {
        if (records.Count == 0)
        {
            throw new ArgumentException("A delivery needs at least one record.", nameof(records));
        }

        var first = records[0].Source.Sequence;
        var last = records[^1].Source.Sequence;
        var failed = new List<ProcessedRecord>();
        var dropped = 0;
        var groups = new List<PartitionGroup>();
        var groupsByKey = new Dictionary<string, PartitionGroup>(StringComparer.Ordinal);
        var keySegments = settings.Prefixes.Prefix.PartitionKeys.DistinctBy(k => (k.Source, k.Key)).ToArray();

        foreach (var record in records)
        {
            switch (record.Outcome)
            {
                case RecordOutcome.Dropped:
                    dropped++;
                    continue;
                case RecordOutcome.Failed:
                    failed.Add(record);
                    continue;
            }

            var values = new Dictionary<(PartitionKeySource, string), string>();
            RecordFailure? failure = null;
            foreach (var segment in keySegments)
            {
                if (!TryPartitionValue(settings, record, segment, now, out var value, out failure))
                {
                    break;
                }

                values[(segment.Source, segment.Key)] = value;
            }

            if (failure is not null)
            {
                failed.Add(ProcessedRecord.Failing(record.Source, failure));
                continue;
            }

            var groupKey = string.Join('\u001f', keySegments.Select(k => values[(k.Source, k.Key)]));
            if (!groupsByKey.TryGetValue(groupKey, out var group))
            {
                if (groups.Count >= maxActivePartitions)
                {
                    failed.Add(ProcessedRecord.Failing(record.Source, new RecordFailure(
                        PartitioningErrorCodes.ActivePartitionsLimitExceeded,
                        $"The delivery reached the limit of {maxActivePartitions} active partitions.",
                        1,
                        now)));
                    continue;
                }

                group = new PartitionGroup(values);
                groups.Add(group);
                groupsByKey.Add(groupKey, group);
            }

            group.Records.Add(record);
        }

        var objects = new List<PlannedObject>();
        var delivered = 0;
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            var tag = "data:" + i.ToString(CultureInfo.InvariantCulture);
            var oldest = group.Records.Min(r => r.Source.ArrivalTime);
            var prefix = settings.Prefixes.Prefix.Evaluate(new PrefixValues(
                oldest,
                settings.TimeZone,
                index => DeterministicIds.RandomString(settings.Incarnation, first, last, tag, index),
                PartitionKey: (source, key) => group.Values[(source, key)]));

            if (prefix.Length > PrefixRules.MaxEvaluatedLength)
            {
                failed.AddRange(group.Records.Select(r => ProcessedRecord.Failing(r.Source, new RecordFailure(
                    PartitioningErrorCodes.PrefixEvaluationFailed,
                    $"The prefix evaluated with this record's partition keys is longer than {PrefixRules.MaxEvaluatedLength} characters.",
                    1,
                    now))));
                continue;
            }

            var content = new ArrayBufferWriter<byte>();
            foreach (var record in group.Records)
            {
                content.Write(record.Data.Span);
                if (settings.Delimiter is { } delimiter)
                {
                    content.Write(delimiter);
                }
            }

            objects.Add(new PlannedObject(
                settings.Bucket,
                prefix + Suffix(settings, oldest, DeterministicIds.ObjectUuid(settings.Incarnation, first, last, tag)),
                ObjectContent.Encode(content.WrittenSpan, settings.Compression),
                PlannedObjectKind.Data,
                group.Records.Count));
            delivered += group.Records.Count;
        }

        foreach (var byType in failed.OrderBy(r => r.Source.Sequence).GroupBy(r => r.Failure!.OutputType).OrderBy(g => g.Key))
        {
            var tag = "error:" + byType.Key.ToPrefixValue();
            var oldest = byType.Min(r => r.Source.ArrivalTime);
            var prefix = settings.Prefixes.ErrorOutputPrefix.Evaluate(new PrefixValues(
                oldest,
                settings.TimeZone,
                index => DeterministicIds.RandomString(settings.Incarnation, first, last, tag, index),
                byType.Key));
            var content = new ArrayBufferWriter<byte>();
            foreach (var record in byType)
            {
                ErrorRecordWriter.WriteLine(content, record, settings.Lambda?.LambdaArn);
            }

            objects.Add(new PlannedObject(
                settings.Bucket,
                prefix + Suffix(settings, oldest, DeterministicIds.ObjectUuid(settings.Incarnation, first, last, tag)),
                ObjectContent.Encode(content.WrittenSpan, settings.Compression),
                PlannedObjectKind.Error,
                byType.Count()));
        }

        return new DeliveryPlan(first, last, objects, new DeliveryCounts(records.Count, delivered, dropped, failed.Count, objects.Count));
    }

    /// <summary>The fixed part of every object key after the prefix.</summary>
    public static string Suffix(DeliveryStreamSettings settings, DateTimeOffset oldestArrival, string uuid) =>
        $"{settings.Name}-{settings.VersionId}-{oldestArrival.UtcDateTime.ToString("yyyy-MM-dd-HH-mm-ss", CultureInfo.InvariantCulture)}-{uuid}{settings.FileExtension}";

    private static bool TryPartitionValue(
        DeliveryStreamSettings settings,
        ProcessedRecord record,
        PartitionKeySegment segment,
        DateTimeOffset now,
        out string value,
        out RecordFailure? failure)
    {
        failure = null;
        if (segment.Source == PartitionKeySource.Lambda)
        {
            if (record.PartitionKeys?.TryGetValue(segment.Key, out var fromLambda) == true)
            {
                value = fromLambda;
                return true;
            }

            value = string.Empty;
            failure = new RecordFailure(
                PartitioningErrorCodes.MetadataExtractionFailed,
                $"The Lambda function returned no metadata.partitionKeys.{segment.Key} for this record, which the prefix !{{partitionKeyFromLambda:{segment.Key}}} needs.",
                1,
                now);
            return false;
        }

        if (settings.MetadataExtraction!.TryExtract(record.Data, segment.Key, out value, out var error))
        {
            return true;
        }

        failure = new RecordFailure(PartitioningErrorCodes.MetadataExtractionFailed, error, 1, now, ErrorOutputType.MetadataExtractionFailed);
        return false;
    }
}

/// <summary>The records of one delivery that share partition key values, bound for one object.</summary>
internal sealed class PartitionGroup(Dictionary<(PartitionKeySource, string), string> values)
{
    public Dictionary<(PartitionKeySource, string), string> Values { get; } = values;

    public List<ProcessedRecord> Records { get; } = [];
}

/// <summary>Error codes of records that dynamic partitioning sends to the error output.</summary>
internal static class PartitioningErrorCodes
{
    /// <summary>A partition key could not be read from the record or the Lambda's metadata (AWS's code).</summary>
    public const string MetadataExtractionFailed = "DynamicPartitioning.MetadataExtractionFailed";

    /// <summary>The delivery already has 500 partitions (AWS's code).</summary>
    public const string ActivePartitionsLimitExceeded = "DynamicPartitioning.ActivePartitionsLimitExceeded";

    /// <summary>The prefix evaluated with the record's keys is longer than 512 characters (LocalCloud's code).</summary>
    public const string PrefixEvaluationFailed = "DynamicPartitioning.PrefixEvaluationFailed";
}

/// <summary>The bytes of an object as the stream writes them.</summary>
internal static class ObjectContent
{
    public static byte[] Encode(ReadOnlySpan<byte> content, ObjectCompression compression)
    {
        if (compression == ObjectCompression.Uncompressed)
        {
            return content.ToArray();
        }

        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}

/// <summary>
/// The error output line of a failed record, field for field as data-transformation.md documents it:
/// <c>{"attemptsMade","arrivalTimestamp","errorCode","errorMessage","attemptEndingTimestamp","rawData","lambdaArn"}</c>,
/// timestamps in epoch milliseconds, <c>rawData</c> the original record in base64, one object per line.
/// </summary>
internal static class ErrorRecordWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteLine(IBufferWriter<byte> output, ProcessedRecord record, string? lambdaArn)
    {
        var failure = record.Failure ?? throw new ArgumentException("The record did not fail.", nameof(record));
        using (var writer = new Utf8JsonWriter(output, Options))
        {
            writer.WriteStartObject();
            writer.WriteNumber("attemptsMade", failure.AttemptsMade);
            writer.WriteNumber("arrivalTimestamp", record.Source.ArrivalTime.ToUnixTimeMilliseconds());
            writer.WriteString("errorCode", failure.ErrorCode);
            writer.WriteString("errorMessage", failure.ErrorMessage);
            writer.WriteNumber("attemptEndingTimestamp", failure.AttemptEndingTimestamp.ToUnixTimeMilliseconds());
            writer.WriteBase64String("rawData", record.Source.Data);
            if (lambdaArn is not null)
            {
                writer.WriteString("lambdaArn", lambdaArn);
            }

            writer.WriteEndObject();
        }

        output.Write("\n"u8);
    }
}

/// <summary>
/// Ids derived from what they name instead of drawn at random, so that redoing a delivery names the same objects:
/// record ids from the stream incarnation and sequence number, object uuids and random-string values from the
/// incarnation, the journal range and the object's place in the delivery.
/// </summary>
internal static class DeterministicIds
{
    /// <summary>A 56-digit record id, the shape AWS's record ids have.</summary>
    public static string RecordId(string incarnation, long sequence)
    {
        var hash = Hash($"record|{incarnation}|{sequence}");
        var prefix = new BigInteger(hash.AsSpan(0, 16), isUnsigned: true) % BigInteger.Pow(10, 36);
        return prefix.ToString("D36", CultureInfo.InvariantCulture) + sequence.ToString("D20", CultureInfo.InvariantCulture);
    }

    /// <summary>The uuid at the end of an object key (8-4-4-4-12 lower-case hex, version 4 layout).</summary>
    public static string ObjectUuid(string incarnation, long first, long last, string objectTag)
    {
        var bytes = Hash($"object|{incarnation}|{first}|{last}|{objectTag}").AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    /// <summary>The value of the <paramref name="index"/>-th <c>!{firehose:random-string}</c> in an object's prefix: 11 hex characters.</summary>
    public static string RandomString(string incarnation, long first, long last, string objectTag, int index) =>
        Convert.ToHexStringLower(Hash($"random|{incarnation}|{first}|{last}|{objectTag}|{index}"))[..Prefixes.PrefixTemplate.RandomStringLength];

    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
