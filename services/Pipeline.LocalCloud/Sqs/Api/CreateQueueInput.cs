namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>CreateQueue's request.</summary>
internal sealed record CreateQueueInput(string? QueueName, Dictionary<string, string>? Attributes);
