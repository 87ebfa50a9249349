namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>SendMessage's request.</summary>
internal sealed record SendMessageInput(
    string? QueueUrl,
    string? MessageBody,
    int? DelaySeconds,
    Dictionary<string, MessageAttributeValue>? MessageAttributes,
    Dictionary<string, MessageAttributeValue>? MessageSystemAttributes = null);
