namespace Pipeline.LocalCloud.Sqs;

/// <summary>One delivery of a message, with the system attributes AWS reports for it.</summary>
public sealed record SqsReceivedMessage(
    string MessageId,
    string ReceiptHandle,
    string Body,
    string Md5OfBody,
    IReadOnlyDictionary<string, SqsMessageAttribute> MessageAttributes,
    string? Md5OfMessageAttributes,
    int ReceiveCount,
    DateTimeOffset SentAt,
    DateTimeOffset FirstReceivedAt,
    string? TraceHeader = null);
