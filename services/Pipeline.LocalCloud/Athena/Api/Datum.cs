namespace Pipeline.LocalCloud.Athena.Api;

/// <summary>One value as text; a SQL NULL is a datum without <see cref="VarCharValue"/>.</summary>
internal sealed record Datum(string? VarCharValue);
