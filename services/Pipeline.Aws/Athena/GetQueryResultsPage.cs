namespace Pipeline.Aws.Athena;

/// <summary>One page of GetQueryResults.</summary>
public sealed record GetQueryResultsPage(long? UpdateCount, ResultSet? ResultSet, string? NextToken);
