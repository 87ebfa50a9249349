namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>ChangeMessageVisibility's request.</summary>
internal sealed record ChangeMessageVisibilityInput(string? QueueUrl, string? ReceiptHandle, int? VisibilityTimeout);
