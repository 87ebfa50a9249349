namespace Pipeline.FirehoseTransformer.Transformation;

/// <summary>
/// The outcome of normalising one record: the new record as base64 (newline-terminated JSON) and its partition
/// keys, or the reason it was rejected. <see cref="Alert"/> is set when the record's status is one its dataset alerts on.
/// </summary>
public sealed record NormalizedRecord(string? Base64Data, IReadOnlyDictionary<string, string>? PartitionKeys, string? Error, StatusAlert? Alert = null)
{
    public bool Succeeded => Error is null;

    public static NormalizedRecord Failed(string error) => new(null, null, error);
}
