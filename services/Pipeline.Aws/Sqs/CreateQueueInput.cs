namespace Pipeline.Aws.Sqs;

internal sealed record CreateQueueInput(string QueueName, IReadOnlyDictionary<string, string>? Attributes);
