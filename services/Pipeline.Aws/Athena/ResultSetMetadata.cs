namespace Pipeline.Aws.Athena;

/// <summary>The columns of a result set.</summary>
public sealed record ResultSetMetadata(IReadOnlyList<ColumnInfo>? ColumnInfo);
