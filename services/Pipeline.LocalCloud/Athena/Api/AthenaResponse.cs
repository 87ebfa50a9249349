namespace Pipeline.LocalCloud.Athena.Api;

/// <summary>The members of every Athena response; unset members are omitted, so each operation answers only its own.</summary>
internal sealed record AthenaResponse
{
    public WorkGroup? WorkGroup { get; init; }

    public IReadOnlyList<WorkGroupSummary>? WorkGroups { get; init; }

    public string? QueryExecutionId { get; init; }

    public QueryExecution? QueryExecution { get; init; }

    public IReadOnlyList<QueryExecution>? QueryExecutions { get; init; }

    public IReadOnlyList<UnprocessedQueryExecutionId>? UnprocessedQueryExecutionIds { get; init; }

    public IReadOnlyList<string>? QueryExecutionIds { get; init; }

    public long? UpdateCount { get; init; }

    public ResultSet? ResultSet { get; init; }

    public string? NextToken { get; init; }
}
