namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>CreateQueue's and GetQueueUrl's answer.</summary>
internal sealed record QueueUrlOutput(string QueueUrl);
