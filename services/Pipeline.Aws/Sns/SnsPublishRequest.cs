namespace Pipeline.Aws.Sns;

/// <summary>The input of Publish to a topic.</summary>
public sealed record SnsPublishRequest
{
    /// <summary>The topic ARN.</summary>
    public required string TopicArn { get; init; }

    /// <summary>The message body (at most 256 KiB including attributes).</summary>
    public required string Message { get; init; }

    /// <summary>The e-mail subject line (at most 100 printable ASCII characters).</summary>
    public string? Subject { get; init; }

    /// <summary>Message attributes by name.</summary>
    public IReadOnlyDictionary<string, SnsMessageAttribute>? MessageAttributes { get; init; }

    /// <summary>FIFO topics only: the message group.</summary>
    public string? MessageGroupId { get; init; }

    /// <summary>FIFO topics only: the deduplication id.</summary>
    public string? MessageDeduplicationId { get; init; }
}
