using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.Athena.Api;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.Athena.Engine;

/// <summary>
/// Athena as the endpoint sees it: <see cref="WorkGroups"/> and <see cref="QueryRuns"/> over one
/// <see cref="AthenaStore"/> (<c>&lt;data dir&gt;/athena/state.json</c>); a query still running when LocalCloud stopped
/// is FAILED at the next start.
/// </summary>
internal sealed class AthenaService : IDisposable
{
    private readonly WorkGroups _workGroups;
    private readonly QueryRuns _queries;

    public AthenaService(IGlueCatalog catalog, IObjectStore store, LocalCloudOptions cloud, AthenaOptions options, TimeProvider time, ILogger<AthenaService> logger)
    {
        var state = new AthenaStore(cloud.DataDirectory, time);
        _workGroups = new WorkGroups(state);
        _queries = new QueryRuns(state, catalog, store, options, time, logger);
    }

    public void CreateWorkGroup(string? name, WorkGroupConfiguration? configuration, string? description) => _workGroups.Create(name, configuration, description);

    public WorkGroup GetWorkGroup(string? name) => _workGroups.Get(name);

    public (IReadOnlyList<WorkGroupSummary> Items, string? NextToken) ListWorkGroups(string? nextToken, int? maxResults) => _workGroups.List(nextToken, maxResults);

    public void UpdateWorkGroup(string? name, string? description, WorkGroupConfigurationUpdates? updates, WorkGroupState? state) => _workGroups.Update(name, description, updates, state);

    public void DeleteWorkGroup(string? name) => _workGroups.Delete(name);

    public string StartQueryExecution(AthenaRequest request) => _queries.Start(request);

    public QueryExecution GetQueryExecution(string? id) => _queries.Get(id);

    public (IReadOnlyList<QueryExecution> Found, IReadOnlyList<UnprocessedQueryExecutionId> Unprocessed) BatchGetQueryExecution(IReadOnlyList<string>? ids) => _queries.BatchGet(ids);

    public Task<(ResultSet ResultSet, string? NextToken)> GetQueryResultsAsync(string? id, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
        _queries.GetResultsAsync(id, nextToken, maxResults, cancellationToken);

    public void StopQueryExecution(string? id) => _queries.Stop(id);

    public (IReadOnlyList<string> Ids, string? NextToken) ListQueryExecutions(string? workGroup, string? nextToken, int? maxResults) => _queries.List(workGroup, nextToken, maxResults);

    public void Dispose() => _queries.Dispose();
}
