namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>GetQueueAttributes' request.</summary>
internal sealed record GetQueueAttributesInput(string? QueueUrl, string[]? AttributeNames);
