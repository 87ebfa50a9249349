namespace Pipeline.LocalGlueJob;

/// <summary>A stage partition column: a flattened column, or the UTC date of the time field.</summary>
internal sealed record StagePartitionKey(string Name, bool DerivedFromTime);
