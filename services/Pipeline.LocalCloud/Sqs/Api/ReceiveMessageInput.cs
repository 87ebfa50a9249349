namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>ReceiveMessage's request.</summary>
internal sealed record ReceiveMessageInput(string? QueueUrl, int? MaxNumberOfMessages, int? VisibilityTimeout, int? WaitTimeSeconds, string[]? AttributeNames, string[]? MessageSystemAttributeNames, string[]? MessageAttributeNames);
