namespace Pipeline.Aws.Sqs;

internal sealed record QueueAttributesOutput(IReadOnlyDictionary<string, string>? Attributes);
