namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>One message of SendMessageBatch.</summary>
internal sealed record SendMessageBatchEntry(
    string? Id,
    string? MessageBody,
    int? DelaySeconds,
    Dictionary<string, MessageAttributeValue>? MessageAttributes,
    Dictionary<string, MessageAttributeValue>? MessageSystemAttributes = null);
