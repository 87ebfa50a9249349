namespace Pipeline.FirehoseTransformer.Transformation;

/// <summary>A valid record whose status is one its dataset alerts on: the status and the record's value of the group-by field.</summary>
public sealed record StatusAlert(string Status, string Group);
