namespace Pipeline.LocalCloud.S3.Notifications;

/// <summary>What happened to one object, for an event record. Size and ETag are absent for removals, as in S3's records.</summary>
/// <param name="EventName">As in the record: <c>ObjectCreated:Put</c>, <c>ObjectRemoved:Delete</c>, …</param>
/// <param name="ETag">Unquoted, as S3 writes it in records.</param>
/// <param name="Sequencer">Hex; later events of one key have greater sequencers.</param>
public sealed record S3EventDetails(
    string EventName,
    string Bucket,
    string Key,
    long? Size,
    string? ETag,
    string RequestId,
    DateTimeOffset Time,
    string Sequencer);
