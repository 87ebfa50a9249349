namespace Pipeline.Explorer.Athena;

/// <summary>A result column: its name and Athena type.</summary>
public sealed record ResultColumn(string Name, string Type);
