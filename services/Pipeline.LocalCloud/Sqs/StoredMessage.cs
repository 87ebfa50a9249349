namespace Pipeline.LocalCloud.Sqs;

/// <summary>A message in a queue and its delivery state; guarded by the store's lock.</summary>
internal sealed class StoredMessage(string id, string body, IReadOnlyDictionary<string, SqsMessageAttribute> attributes, DateTimeOffset sentAt, DateTimeOffset visibleAt, string? traceHeader = null)
{
    public string Id { get; } = id;

    public string Body { get; } = body;

    public IReadOnlyDictionary<string, SqsMessageAttribute> Attributes { get; } = attributes;

    public DateTimeOffset SentAt { get; } = sentAt;

    /// <summary>The <c>AWSTraceHeader</c> system attribute: the sender's trace, in X-Ray format.</summary>
    public string? TraceHeader { get; } = traceHeader;

    public DateTimeOffset VisibleAt { get; set; } = visibleAt;

    public int ReceiveCount { get; set; }

    public DateTimeOffset? FirstReceivedAt { get; set; }

    /// <summary>The handle of the latest receive; null until received.</summary>
    public string? ReceiptHandle { get; set; }
}
