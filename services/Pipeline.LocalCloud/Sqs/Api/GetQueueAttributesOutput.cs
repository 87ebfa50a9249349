namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>GetQueueAttributes' answer.</summary>
internal sealed record GetQueueAttributesOutput(IReadOnlyDictionary<string, string> Attributes);
