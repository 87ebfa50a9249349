namespace Pipeline.Aws.Athena;

/// <summary>A query as GetQueryExecution reports it.</summary>
public sealed record QueryExecution
{
    public required string QueryExecutionId { get; init; }

    public string? Query { get; init; }

    /// <summary><c>DDL</c>, <c>DML</c> or <c>UTILITY</c>.</summary>
    public string? StatementType { get; init; }

    public ResultConfiguration? ResultConfiguration { get; init; }

    public QueryExecutionContext? QueryExecutionContext { get; init; }

    public QueryExecutionStatus? Status { get; init; }

    public QueryExecutionStatistics? Statistics { get; init; }

    public string? WorkGroup { get; init; }
}
