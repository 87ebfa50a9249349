namespace Pipeline.LocalCloud.Sqs;

/// <summary>A queue's settable attributes, in seconds as the API spells them.</summary>
internal sealed record SqsQueueSettings(
    int VisibilityTimeout,
    int MessageRetentionPeriod,
    int ReceiveMessageWaitTimeSeconds,
    int DelaySeconds,
    int MaximumMessageSize,
    string? RedrivePolicy,
    string? DeadLetterTargetArn,
    int MaxReceiveCount);
