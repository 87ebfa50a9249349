namespace Pipeline.Aws.Athena;

internal sealed record GetQueryResultsInput(string QueryExecutionId, string? NextToken, int? MaxResults);
