namespace Pipeline.Aws.Sqs;

/// <summary>The output of SendMessage.</summary>
public sealed record SqsSendMessageResult(string MessageId, string? MD5OfMessageBody, string? SequenceNumber);
