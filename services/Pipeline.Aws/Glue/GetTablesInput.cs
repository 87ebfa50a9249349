namespace Pipeline.Aws.Glue;

internal sealed record GetTablesInput(string DatabaseName, string? Expression, string? NextToken, int? MaxResults);
