namespace Pipeline.Aws.Sqs;

/// <summary>A message ReceiveMessage returned; delete it with its <see cref="ReceiptHandle"/>.</summary>
public sealed record SqsReceivedMessage
{
    public required string MessageId { get; init; }

    public required string ReceiptHandle { get; init; }

    public string Body { get; init; } = "";

    public string? MD5OfBody { get; init; }

    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    public IReadOnlyDictionary<string, SqsMessageAttributeValue>? MessageAttributes { get; init; }
}
