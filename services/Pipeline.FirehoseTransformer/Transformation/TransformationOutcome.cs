using Pipeline.Contracts.Aws.Firehose;

namespace Pipeline.FirehoseTransformer.Transformation;

/// <summary>
/// The response to return to Firehose, why each failed record failed, and the status alerts among the records
/// answered <c>Ok</c> (null when the dataset alerts on no status).
/// </summary>
public sealed record TransformationOutcome(
    FirehoseTransformationResponse Response,
    IReadOnlyList<RecordFailure> Failures,
    int ResponseBytes,
    StatusAlertCounts? StatusAlerts = null);
