namespace Pipeline.Aws.Sqs;

/// <summary>The input of SendMessage (body at most 256 KiB).</summary>
public sealed record SqsSendMessageRequest
{
    public required string QueueUrl { get; init; }

    public required string MessageBody { get; init; }

    public int? DelaySeconds { get; init; }

    public IReadOnlyDictionary<string, SqsMessageAttributeValue>? MessageAttributes { get; init; }

    /// <summary>FIFO queues only.</summary>
    public string? MessageGroupId { get; init; }

    /// <summary>FIFO queues only.</summary>
    public string? MessageDeduplicationId { get; init; }
}
