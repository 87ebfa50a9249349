namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>A received message on the wire.</summary>
internal sealed record MessageOutput(string MessageId, string ReceiptHandle, string MD5OfBody, string Body, Dictionary<string, string>? Attributes, string? MD5OfMessageAttributes, Dictionary<string, MessageAttributeValue>? MessageAttributes);
