using System.Text.Json.Serialization;

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
