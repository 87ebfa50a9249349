namespace Pipeline.Aws.Sqs;

/// <summary>The input of ReceiveMessage: up to 10 messages, waiting up to 20 s for the first (long polling).</summary>
public sealed record SqsReceiveMessageRequest
{
    public required string QueueUrl { get; init; }

    public int? MaxNumberOfMessages { get; init; }

    public int? WaitTimeSeconds { get; init; }

    public int? VisibilityTimeout { get; init; }

    /// <summary>System attributes to return, e.g. <c>All</c>, <c>ApproximateReceiveCount</c>.</summary>
    public IReadOnlyList<string>? MessageSystemAttributeNames { get; init; }

    public IReadOnlyList<string>? MessageAttributeNames { get; init; }
}
