using Pipeline.AwsShapes.Athena;

namespace Pipeline.Aws.Athena;

/// <summary>The Amazon Athena operations the pipeline calls (IAM action <c>athena:&lt;Operation&gt;</c> each).</summary>
public interface IAthenaClient
{
    /// <summary>CreateWorkGroup. <c>InvalidRequestException</c> for a taken name.</summary>
    Task CreateWorkGroupAsync(string name, WorkGroupConfiguration? configuration = null, string? description = null, CancellationToken cancellationToken = default);

    /// <summary>GetWorkGroup. <c>InvalidRequestException</c> when there is no such workgroup.</summary>
    Task<WorkGroup> GetWorkGroupAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>StartQueryExecution; returns the query execution id.</summary>
    Task<string> StartQueryExecutionAsync(StartQueryExecutionRequest request, CancellationToken cancellationToken = default);

    /// <summary>GetQueryExecution: state, statistics, error.</summary>
    Task<QueryExecution> GetQueryExecutionAsync(string queryExecutionId, CancellationToken cancellationToken = default);

    /// <summary>GetQueryResults: one page of at most <paramref name="maxResults"/> (≤ 1,000) rows.</summary>
    Task<GetQueryResultsPage> GetQueryResultsAsync(string queryExecutionId, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default);
}
