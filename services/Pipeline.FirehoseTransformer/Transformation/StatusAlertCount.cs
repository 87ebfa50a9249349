namespace Pipeline.FirehoseTransformer.Transformation;

/// <summary>How many valid records of one invocation had <paramref name="Status"/> and <paramref name="Group"/>.</summary>
public sealed record StatusAlertCount(string Status, string Group, int Records);
