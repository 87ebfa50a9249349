namespace Pipeline.FirehoseTransformer.Transformation;

/// <summary>Why a record could not be transformed; logged with its record id.</summary>
public sealed record RecordFailure(string RecordId, string Reason);
