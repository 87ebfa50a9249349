namespace Pipeline.LocalCloud.Athena.Api;

internal sealed record UnprocessedQueryExecutionId(string QueryExecutionId, string ErrorCode, string ErrorMessage);
