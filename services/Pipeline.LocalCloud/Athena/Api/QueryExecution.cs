namespace Pipeline.LocalCloud.Athena.Api;

internal sealed record QueryExecution
{
    public required string QueryExecutionId { get; init; }

    public required string Query { get; init; }

    public StatementType? StatementType { get; init; }

    public ResultConfiguration? ResultConfiguration { get; init; }

    public QueryExecutionContext? QueryExecutionContext { get; init; }

    public required QueryExecutionStatus Status { get; init; }

    public QueryExecutionStatistics? Statistics { get; init; }

    public required string WorkGroup { get; init; }

    public EngineVersion? EngineVersion { get; init; }

    public string? SubstatementType { get; init; }
}
