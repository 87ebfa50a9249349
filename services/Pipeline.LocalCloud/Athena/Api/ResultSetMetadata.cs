namespace Pipeline.LocalCloud.Athena.Api;

internal sealed record ResultSetMetadata(IReadOnlyList<ColumnInfo> ColumnInfo);
