namespace Pipeline.Aws.Athena;

/// <summary>The input of StartQueryExecution. The client fills <see cref="ClientRequestToken"/> when absent, as the AWS SDKs do.</summary>
public sealed record StartQueryExecutionRequest
{
    public required string QueryString { get; init; }

    public QueryExecutionContext? QueryExecutionContext { get; init; }

    public ResultConfiguration? ResultConfiguration { get; init; }

    public string? WorkGroup { get; init; }

    public string? ClientRequestToken { get; init; }

    public IReadOnlyList<string>? ExecutionParameters { get; init; }
}
