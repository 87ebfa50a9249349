using Microsoft.Extensions.Logging;
using Pipeline.AwsShapes.Athena;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.Athena.Engine;

/// <summary>
/// Athena as the endpoint sees it: workgroups (where queries run and where their results go by default) and
/// <see cref="QueryRuns"/>, over one <see cref="AthenaStore"/> (<c>&lt;data dir&gt;/athena/state.json</c>); a query
/// still running when LocalCloud stopped is FAILED at the next start.
/// </summary>
internal sealed class AthenaService : IDisposable
{
    private readonly AthenaStore _store;
    private readonly QueryRuns _queries;

    public AthenaService(IGlueCatalog catalog, IObjectStore store, LocalCloudOptions cloud, AthenaOptions options, TimeProvider time, ILogger<AthenaService> logger)
    {
        _store = new AthenaStore(cloud.DataDirectory, time);
        _queries = new QueryRuns(_store, catalog, store, options, time, logger);
    }

    public void CreateWorkGroup(string? name, WorkGroupConfiguration? configuration, string? description)
    {
        AthenaValidation.WorkGroupName(name, "name");
        AthenaValidation.Configuration(configuration?.BytesScannedCutoffPerQuery, configuration?.ResultConfiguration?.OutputLocation, "configuration");
        AthenaValidation.Description(description);
        lock (_store.Gate)
        {
            if (_store.State.WorkGroups.Any(w => w.Name == name))
            {
                throw AthenaValidation.InvalidRequest("WorkGroup is already created");
            }

            _store.State.WorkGroups.Add(new WorkGroup
            {
                Name = name,
                State = WorkGroupStateValues.Enabled,
                Configuration = (configuration ?? new WorkGroupConfiguration()) with { EngineVersion = AthenaStore.EngineVersion },
                Description = description,
                CreationTime = _store.Now(),
            });
            _store.Save();
        }
    }

    public WorkGroup GetWorkGroup(string? name)
    {
        AthenaValidation.WorkGroupName(name, "workGroup");
        lock (_store.Gate)
        {
            return _store.FindWorkGroup(name!);
        }
    }

    public (IReadOnlyList<WorkGroupSummary> Items, string? NextToken) ListWorkGroups(string? nextToken, int? maxResults)
    {
        AthenaValidation.MaxResults(maxResults, 1, 50);
        lock (_store.Gate)
        {
            var size = maxResults ?? 50;
            var ordered = _store.State.WorkGroups.OrderBy(w => w.Name, StringComparer.Ordinal)
                .Where(w => nextToken is null || string.CompareOrdinal(w.Name, AthenaValidation.Decode(nextToken, "workgroups")) > 0)
                .Take(size + 1)
                .Select(w => new WorkGroupSummary { Name = w.Name, State = w.State, Description = w.Description, CreationTime = w.CreationTime, EngineVersion = w.Configuration?.EngineVersion ?? AthenaStore.EngineVersion })
                .ToList();
            return ordered.Count > size ? (ordered[..size], AthenaValidation.Encode("workgroups", ordered[size - 1].Name!)) : (ordered, null);
        }
    }

    public void UpdateWorkGroup(string? name, string? description, WorkGroupConfigurationUpdates? updates, string? state)
    {
        AthenaValidation.WorkGroupName(name, "workGroup");
        AthenaValidation.Configuration(updates?.BytesScannedCutoffPerQuery, updates?.ResultConfigurationUpdates?.OutputLocation, "configurationUpdates");
        AthenaValidation.Description(description);
        AthenaValidation.OneOf(state, "state", WorkGroupStateValues.All);
        lock (_store.Gate)
        {
            var current = _store.FindWorkGroup(name!);
            var index = _store.State.WorkGroups.IndexOf(current);
            _store.State.WorkGroups[index] = current with
            {
                Description = description ?? current.Description,
                Configuration = Apply(current.Configuration ?? new WorkGroupConfiguration(), updates),
                State = state ?? current.State,
            };
            _store.Save();
        }
    }

    public void DeleteWorkGroup(string? name)
    {
        AthenaValidation.WorkGroupName(name, "workGroup");
        if (name == AthenaStore.PrimaryWorkGroup)
        {
            throw AthenaValidation.InvalidRequest("Cannot delete primary workgroup");
        }

        lock (_store.Gate)
        {
            _store.State.WorkGroups.Remove(_store.FindWorkGroup(name!));
            _store.Save();
        }
    }

    public string StartQueryExecution(StartQueryExecutionRequest request) => _queries.Start(request);

    public QueryExecution GetQueryExecution(string? id) => _queries.Get(id);

    public (IReadOnlyList<QueryExecution> Found, IReadOnlyList<UnprocessedQueryExecutionId> Unprocessed) BatchGetQueryExecution(IReadOnlyList<string>? ids) => _queries.BatchGet(ids);

    public Task<(ResultSet ResultSet, string? NextToken)> GetQueryResultsAsync(string? id, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
        _queries.GetResultsAsync(id, nextToken, maxResults, cancellationToken);

    public void StopQueryExecution(string? id) => _queries.Stop(id);

    public (IReadOnlyList<string> Ids, string? NextToken) ListQueryExecutions(string? workGroup, string? nextToken, int? maxResults) => _queries.List(workGroup, nextToken, maxResults);

    public void Dispose() => _queries.Dispose();

    private static WorkGroupConfiguration Apply(WorkGroupConfiguration configuration, WorkGroupConfigurationUpdates? updates)
    {
        if (updates is null)
        {
            return configuration;
        }

        var result = configuration.ResultConfiguration ?? new ResultConfiguration();
        if (updates.ResultConfigurationUpdates is { } r)
        {
            result = result with
            {
                OutputLocation = r.RemoveOutputLocation == true ? null : r.OutputLocation ?? result.OutputLocation,
                ExpectedBucketOwner = r.RemoveExpectedBucketOwner == true ? null : r.ExpectedBucketOwner ?? result.ExpectedBucketOwner,
            };
        }

        return configuration with
        {
            ResultConfiguration = result,
            EnforceWorkGroupConfiguration = updates.EnforceWorkGroupConfiguration ?? configuration.EnforceWorkGroupConfiguration,
            PublishCloudWatchMetricsEnabled = updates.PublishCloudWatchMetricsEnabled ?? configuration.PublishCloudWatchMetricsEnabled,
            BytesScannedCutoffPerQuery = updates.RemoveBytesScannedCutoffPerQuery == true ? null : updates.BytesScannedCutoffPerQuery ?? configuration.BytesScannedCutoffPerQuery,
            RequesterPaysEnabled = updates.RequesterPaysEnabled ?? configuration.RequesterPaysEnabled,
        };
    }
}
