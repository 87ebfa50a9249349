namespace Pipeline.Aws.Athena;

/// <summary>One cell; null for SQL NULL.</summary>
public sealed record Datum(string? VarCharValue);
