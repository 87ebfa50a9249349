namespace Pipeline.LocalCloud.Sqs;

/// <summary>A message and its delivery state as saved in the state file.</summary>
internal sealed record StoredMessageSnapshot(
    string Id,
    string Body,
    Dictionary<string, SqsMessageAttribute> Attributes,
    DateTimeOffset SentAt,
    DateTimeOffset VisibleAt,
    int ReceiveCount,
    DateTimeOffset? FirstReceivedAt,
    string? ReceiptHandle,
    string? TraceHeader = null);
