namespace Pipeline.Aws.Sqs;

internal sealed record GetQueueUrlInput(string QueueName);
