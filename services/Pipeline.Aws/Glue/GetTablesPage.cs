namespace Pipeline.Aws.Glue;

/// <summary>One page of GetTables.</summary>
public sealed record GetTablesPage(IReadOnlyList<Table>? TableList, string? NextToken);
