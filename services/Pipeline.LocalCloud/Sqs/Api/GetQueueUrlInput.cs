namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>GetQueueUrl's request.</summary>
internal sealed record GetQueueUrlInput(string? QueueName, string? QueueOwnerAWSAccountId);
