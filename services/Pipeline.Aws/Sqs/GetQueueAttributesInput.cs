namespace Pipeline.Aws.Sqs;

internal sealed record GetQueueAttributesInput(string QueueUrl, IReadOnlyList<string> AttributeNames);
