namespace Pipeline.Contracts.Aws.Firehose;

/// <summary>What a transformation Lambda returns: every input record answered exactly once.</summary>
public sealed record FirehoseTransformationResponse(IReadOnlyList<FirehoseTransformedRecord> Records);
