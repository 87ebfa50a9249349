namespace Pipeline.Aws.Glue;

internal sealed record GetPartitionsInput(string DatabaseName, string TableName, string? Expression, string? NextToken, int? MaxResults);
