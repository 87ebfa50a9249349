using Pipeline.Contracts.Aws.Firehose;

namespace Pipeline.FirehoseTransformer.Transformation;

/// <summary>The response to return to Firehose, and why each failed record failed.</summary>
public sealed record TransformationOutcome(FirehoseTransformationResponse Response, IReadOnlyList<RecordFailure> Failures, int ResponseBytes);
