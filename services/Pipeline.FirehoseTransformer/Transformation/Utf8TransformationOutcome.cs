namespace Pipeline.FirehoseTransformer.Transformation;

/// <summary>
/// What the bytes path reports beside the response it wrote: how many records it answered, why each failed record
/// failed, the response's size and the status alerts among the records answered <c>Ok</c> (null when the dataset
/// alerts on no status).
/// </summary>
public sealed record Utf8TransformationOutcome(
    int Records,
    IReadOnlyList<RecordFailure> Failures,
    int ResponseBytes,
    StatusAlertCounts? StatusAlerts = null);
