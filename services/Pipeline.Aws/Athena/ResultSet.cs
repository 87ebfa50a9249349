namespace Pipeline.Aws.Athena;

/// <summary>A page of rows with the column metadata.</summary>
public sealed record ResultSet(IReadOnlyList<Row>? Rows, ResultSetMetadata? ResultSetMetadata);
