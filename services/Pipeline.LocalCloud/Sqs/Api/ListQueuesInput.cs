namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>ListQueues' request.</summary>
internal sealed record ListQueuesInput(string? QueueNamePrefix, int? MaxResults, string? NextToken);
