namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>DeleteMessage's request.</summary>
internal sealed record DeleteMessageInput(string? QueueUrl, string? ReceiptHandle);
