using System.Text.Json.Serialization;
using Pipeline.LocalCloud.Firehose.Journal;
using Pipeline.LocalCloud.Firehose.Prefixes;

namespace Pipeline.LocalCloud.Firehose.Delivery;

/// <summary>
/// A delivery of the journal range [<see cref="FirstSequence"/>, <see cref="LastSequence"/>] decided in full: the
/// objects to write, keys and bytes. It is made durable before the first object is written, so a delivery
/// interrupted by a crash is finished by writing the same objects again.
/// </summary>
internal sealed record DeliveryPlan(long FirstSequence, long LastSequence, IReadOnlyList<PlannedObject> Objects, DeliveryCounts Counts);

/// <summary>One S3 object a delivery writes, bytes final (compressed if the stream compresses).</summary>
internal sealed record PlannedObject(string Bucket, string Key, byte[] Content, PlannedObjectKind Kind, int RecordCount);

[JsonConverter(typeof(JsonStringEnumConverter<PlannedObjectKind>))]
internal enum PlannedObjectKind
{
    /// <summary>Delivered records under the Prefix.</summary>
    Data,

    /// <summary>Error records under the ErrorOutputPrefix.</summary>
    Error,
}

/// <summary>How many records a delivery took, where they went, and how many objects it wrote.</summary>
internal sealed record DeliveryCounts(int Records, int Delivered, int Dropped, int Failed, int Objects)
{
    public static DeliveryCounts None { get; } = new(0, 0, 0, 0, 0);

    public DeliveryCounts Add(DeliveryCounts other) =>
        new(Records + other.Records, Delivered + other.Delivered, Dropped + other.Dropped, Failed + other.Failed, Objects + other.Objects);
}

/// <summary>An accepted record after processing: the (possibly transformed) data to deliver, or why it failed.</summary>
internal sealed record ProcessedRecord(
    JournalRecord Source,
    RecordOutcome Outcome,
    ReadOnlyMemory<byte> Data,
    IReadOnlyDictionary<string, string>? PartitionKeys = null,
    RecordFailure? Failure = null)
{
    public static ProcessedRecord Unprocessed(JournalRecord source) => new(source, RecordOutcome.Ok, source.Data);

    public static ProcessedRecord Failing(JournalRecord source, RecordFailure failure) =>
        new(source, RecordOutcome.Failed, ReadOnlyMemory<byte>.Empty, null, failure);
}

/// <summary>What became of an accepted record.</summary>
internal enum RecordOutcome
{
    /// <summary>Goes to the destination under the evaluated Prefix.</summary>
    Ok,

    /// <summary>The transformation dropped it on purpose; it counts as processed and goes nowhere.</summary>
    Dropped,

    /// <summary>Goes to the error output under the evaluated ErrorOutputPrefix.</summary>
    Failed,
}

/// <summary>Why a record goes to the error output, in the fields of the error record.</summary>
internal sealed record RecordFailure(
    string ErrorCode,
    string ErrorMessage,
    int AttemptsMade,
    DateTimeOffset AttemptEndingTimestamp,
    ErrorOutputType OutputType = ErrorOutputType.ProcessingFailed);
