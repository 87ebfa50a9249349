namespace Pipeline.LocalCloud.Athena.Api;

internal sealed record ResultSet(IReadOnlyList<Row> Rows, ResultSetMetadata ResultSetMetadata);
