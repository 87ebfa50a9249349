namespace Pipeline.Aws.Sqs;

internal sealed record SetQueueAttributesInput(string QueueUrl, IReadOnlyDictionary<string, string> Attributes);
