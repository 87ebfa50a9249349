namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>SetQueueAttributes' request.</summary>
internal sealed record SetQueueAttributesInput(string? QueueUrl, Dictionary<string, string>? Attributes);
