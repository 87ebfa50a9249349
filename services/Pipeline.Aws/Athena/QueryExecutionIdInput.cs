namespace Pipeline.Aws.Athena;

internal sealed record QueryExecutionIdInput(string QueryExecutionId);
