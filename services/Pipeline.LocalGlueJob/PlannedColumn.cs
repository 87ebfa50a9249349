namespace Pipeline.LocalGlueJob;

/// <summary>One output column of the flatten rule: its source (catalog names, outermost first), name and Glue type.</summary>
/// <param name="IsTime">The dataset's time field, parsed to a UTC timestamp.</param>
internal sealed record PlannedColumn(IReadOnlyList<string> SourcePath, string Name, string Type, bool IsTime);
