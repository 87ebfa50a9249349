using System.Buffers;
using System.Globalization;
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
