namespace Pipeline.Aws.Athena;

internal sealed record StartQueryExecutionOutput(string? QueryExecutionId);
