namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>ListQueues' answer.</summary>
internal sealed record ListQueuesOutput(string[] QueueUrls);
