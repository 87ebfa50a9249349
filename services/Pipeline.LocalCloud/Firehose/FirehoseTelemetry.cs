using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Pipeline.LocalCloud.Firehose;

/// <summary>Spans per delivery and per Lambda invocation, and record counters, under <c>Pipeline.LocalCloud.Firehose</c>.</summary>
internal static class FirehoseTelemetry
{
    public const string Name = "Pipeline.LocalCloud.Firehose";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Records accepted by PutRecord and PutRecordBatch.</summary>
    public static readonly Counter<long> IncomingRecords = Meter.CreateCounter<long>("firehose.incoming.records", "{record}");

    /// <summary>Records refused with ServiceUnavailableException because the stream's backlog was full.</summary>
    public static readonly Counter<long> ThrottledRecords = Meter.CreateCounter<long>("firehose.incoming.throttled_records", "{record}");

    /// <summary>Delivered records, tagged with their outcome (delivered, dropped, failed).</summary>
    public static readonly Counter<long> DeliveredRecords = Meter.CreateCounter<long>("firehose.delivery.records", "{record}");

    public static readonly Counter<long> Objects = Meter.CreateCounter<long>("firehose.delivery.objects", "{object}");
}
