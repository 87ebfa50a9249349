using Pipeline.Contracts.Datasets;

namespace Pipeline.Generator.Data.Flaws;

/// <summary>A field a flaw can be put into, and the value that breaks it where the flaw needs one.</summary>
/// <param name="Path">Property names from the record's root to the field.</param>
internal sealed record FlawTarget(IReadOnlyList<string> Path, FieldDefinition Field, string? BadValue = null);
