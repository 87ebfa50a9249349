namespace Pipeline.Aws.Athena;

internal sealed record GetQueryExecutionOutput(QueryExecution? QueryExecution);
