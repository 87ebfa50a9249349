using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.Athena.Api;
using Pipeline.LocalCloud.Athena.Results;
using Pipeline.LocalCloud.Athena.Sql;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.Athena.Engine;

/// <summary>
/// Athena's workgroups and query executions. Queries run in the background, at most
/// <see cref="AthenaOptions.MaxConcurrentQueries"/> at once (the rest wait QUEUED); results go to the output
/// location in the object store as Athena writes them. Workgroups and the history are kept in
/// <c>&lt;data dir&gt;/athena/state.json</c>; a query still running when LocalCloud stopped is FAILED at the next start.
/// </summary>
internal sealed partial class AthenaService : IDisposable
{
    public const string Folder = "athena";

    public const string PrimaryWorkGroup = "primary";

    private const int MaxQueryResults = 1000;

    private readonly Lock _gate = new();
    private readonly AthenaState _state;
    private readonly Dictionary<string, CancellationTokenSource> _running = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots;
    private readonly QueryEngine _engine;
    private readonly IObjectStore _store;
    private readonly AthenaOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AthenaService> _logger;
    private readonly string _file;

    public AthenaService(IGlueCatalog catalog, IObjectStore store, LocalCloudOptions cloud, AthenaOptions options, TimeProvider time, ILogger<AthenaService> logger)
    {
        _engine = new QueryEngine(catalog, store, options);
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
        _slots = new SemaphoreSlim(Math.Max(1, options.MaxConcurrentQueries));
        _file = Path.Combine(cloud.DataDirectory, Folder, "state.json");
        _state = Load();
    }

    public void CreateWorkGroup(string? name, WorkGroupConfiguration? configuration, string? description)
    {
        ValidateName(name, "name");
        ValidateConfiguration(configuration?.BytesScannedCutoffPerQuery, configuration?.ResultConfiguration?.OutputLocation, "configuration");
        ValidateDescription(description);
        lock (_gate)
        {
            if (_state.WorkGroups.Any(w => w.Name == name))
            {
                throw AthenaErrors.InvalidRequest("WorkGroup is already created");
            }

            _state.WorkGroups.Add(new WorkGroup
            {
                Name = name!,
                State = WorkGroupState.Enabled,
                Configuration = (configuration ?? new WorkGroupConfiguration()) with { EngineVersion = EngineVersion.Default },
                Description = description,
                CreationTime = Now(),
            });
            Save();
        }
    }

    public WorkGroup GetWorkGroup(string? name)
    {
        ValidateName(name, "workGroup");
        lock (_gate)
        {
            return FindWorkGroup(name!);
        }
    }

    public (IReadOnlyList<WorkGroupSummary> Items, string? NextToken) ListWorkGroups(string? nextToken, int? maxResults)
    {
        if (maxResults is < 1 or > 50)
        {
            throw AthenaErrors.Validation("maxResults", maxResults, "Member must have value less than or equal to 50");
        }

        lock (_gate)
        {
            var size = maxResults ?? 50;
            var ordered = _state.WorkGroups.OrderBy(w => w.Name, StringComparer.Ordinal)
                .Where(w => nextToken is null || string.CompareOrdinal(w.Name, Decode(nextToken, "workgroups")) > 0)
                .Take(size + 1)
                .Select(w => new WorkGroupSummary { Name = w.Name, State = w.State, Description = w.Description, CreationTime = w.CreationTime, EngineVersion = w.Configuration?.EngineVersion ?? EngineVersion.Default })
                .ToList();
            return ordered.Count > size ? (ordered[..size], Encode("workgroups", ordered[size - 1].Name)) : (ordered, null);
        }
    }

    public void UpdateWorkGroup(string? name, string? description, WorkGroupConfigurationUpdates? updates, WorkGroupState? state)
    {
        ValidateName(name, "workGroup");
        ValidateConfiguration(updates?.BytesScannedCutoffPerQuery, updates?.ResultConfigurationUpdates?.OutputLocation, "configurationUpdates");
        ValidateDescription(description);
        lock (_gate)
        {
            var current = FindWorkGroup(name!);
            var configuration = current.Configuration ?? new WorkGroupConfiguration();
            if (updates is not null)
            {
                var result = configuration.ResultConfiguration ?? new ResultConfiguration();
                if (updates.ResultConfigurationUpdates is { } r)
                {
                    result = result with
                    {
                        OutputLocation = r.RemoveOutputLocation == true ? null : r.OutputLocation ?? result.OutputLocation,
                        ExpectedBucketOwner = r.RemoveExpectedBucketOwner == true ? null : r.ExpectedBucketOwner ?? result.ExpectedBucketOwner,
                    };
                }

                configuration = configuration with
                {
                    ResultConfiguration = result,
                    EnforceWorkGroupConfiguration = updates.EnforceWorkGroupConfiguration ?? configuration.EnforceWorkGroupConfiguration,
                    PublishCloudWatchMetricsEnabled = updates.PublishCloudWatchMetricsEnabled ?? configuration.PublishCloudWatchMetricsEnabled,
                    BytesScannedCutoffPerQuery = updates.RemoveBytesScannedCutoffPerQuery == true ? null : updates.BytesScannedCutoffPerQuery ?? configuration.BytesScannedCutoffPerQuery,
                    RequesterPaysEnabled = updates.RequesterPaysEnabled ?? configuration.RequesterPaysEnabled,
                };
            }

            var index = _state.WorkGroups.IndexOf(current);
            _state.WorkGroups[index] = current with
            {
                Description = description ?? current.Description,
                Configuration = configuration,
                State = state ?? current.State,
            };
            Save();
        }
    }

    public void DeleteWorkGroup(string? name)
    {
        ValidateName(name, "workGroup");
        if (name == PrimaryWorkGroup)
        {
            throw AthenaErrors.InvalidRequest("Cannot delete primary workgroup");
        }

        lock (_gate)
        {
            _state.WorkGroups.Remove(FindWorkGroup(name!));
            Save();
        }
    }

    public string StartQueryExecution(AthenaRequest request)
    {
        var sql = request.QueryString ?? throw AthenaErrors.Missing("queryString");
        if (sql.Length is < 1 or > 262_144)
        {
            throw AthenaErrors.Validation("queryString", sql.Length > 64 ? sql[..64] + "..." : sql, "Member must have length less than or equal to 262144");
        }

        if (request.ClientRequestToken is { Length: < 32 or > 128 } token)
        {
            throw AthenaErrors.Validation("clientRequestToken", token, "Member must have length greater than or equal to 32");
        }

        var workGroupName = request.WorkGroup ?? PrimaryWorkGroup;
        ValidateName(workGroupName, "workGroup");
        lock (_gate)
        {
            if (request.ClientRequestToken is { } idempotency && _state.Executions.FirstOrDefault(e => e.ClientRequestToken == idempotency) is { } previous)
            {
                if (previous.Execution.Query != sql || previous.Execution.WorkGroup != workGroupName)
                {
                    throw AthenaErrors.InvalidRequest("Idempotent parameters do not match");
                }

                return previous.Execution.QueryExecutionId;
            }

            var workGroup = FindWorkGroup(workGroupName);
            if (workGroup.State == WorkGroupState.Disabled)
            {
                throw AthenaErrors.InvalidRequest($"WorkGroup {workGroupName} is disabled.");
            }

            var configuration = workGroup.Configuration;
            var output = configuration?.EnforceWorkGroupConfiguration == true
                ? configuration.ResultConfiguration?.OutputLocation ?? request.ResultConfiguration?.OutputLocation
                : request.ResultConfiguration?.OutputLocation ?? configuration?.ResultConfiguration?.OutputLocation;
            if (output is null)
            {
                throw AthenaErrors.InvalidRequest("No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.");
            }

            if (S3Location.TryParse(output) is null)
            {
                throw AthenaErrors.InvalidRequest("The S3 location provided to save your query results is invalid. Please check your S3 location is correct and is in the same region and try again. If you continue to see the issue, contact customer support for further assistance.");
            }

            var id = Guid.NewGuid().ToString("D");
            var utility = QueryEngine.IsUtility(sql);
            var execution = new QueryExecution
            {
                QueryExecutionId = id,
                Query = sql,
                StatementType = utility ?? StatementType.Dml,
                ResultConfiguration = new ResultConfiguration { OutputLocation = $"{output.TrimEnd('/')}/{id}.{(utility is null ? "csv" : "txt")}" },
                QueryExecutionContext = request.QueryExecutionContext ?? new QueryExecutionContext(),
                Status = new QueryExecutionStatus { State = QueryExecutionState.Queued, SubmissionDateTime = Now() },
                Statistics = new QueryExecutionStatistics { EngineExecutionTimeInMillis = 0, DataScannedInBytes = 0, TotalExecutionTimeInMillis = 0 },
                WorkGroup = workGroupName,
                EngineVersion = configuration?.EngineVersion ?? EngineVersion.Default,
                SubstatementType = utility is null ? "SELECT" : null,
            };
            _state.Executions.Add(new StoredExecution { Execution = execution, ClientRequestToken = request.ClientRequestToken });
            Trim();
            Save();

            var cancellation = new CancellationTokenSource();
            _running[id] = cancellation;
            var query = new QueryRequest(sql, execution.QueryExecutionContext.Database, execution.QueryExecutionContext.Catalog, configuration?.BytesScannedCutoffPerQuery);
            _ = Task.Run(() => RunAsync(id, query, cancellation));
            return id;
        }
    }

    public QueryExecution GetQueryExecution(string? id)
    {
        lock (_gate)
        {
            return FindExecution(id).Execution;
        }
    }

    public (IReadOnlyList<QueryExecution> Found, IReadOnlyList<UnprocessedQueryExecutionId> Unprocessed) BatchGetQueryExecution(IReadOnlyList<string>? ids)
    {
        if (ids is null)
        {
            throw AthenaErrors.Missing("queryExecutionIds");
        }

        if (ids.Count is < 1 or > 50)
        {
            throw AthenaErrors.Validation("queryExecutionIds", $"[{string.Join(", ", ids)}]", "Member must have length less than or equal to 50");
        }

        lock (_gate)
        {
            var found = new List<QueryExecution>();
            var unprocessed = new List<UnprocessedQueryExecutionId>();
            foreach (var id in ids)
            {
                if (_state.Executions.FirstOrDefault(e => e.Execution.QueryExecutionId == id) is { } stored)
                {
                    found.Add(stored.Execution);
                }
                else
                {
                    unprocessed.Add(new UnprocessedQueryExecutionId(id, "INVALID_INPUT", $"QueryExecution {id} was not found"));
                }
            }

            return (found, unprocessed);
        }
    }

    public async Task<(ResultSet ResultSet, string? NextToken)> GetQueryResultsAsync(string? id, string? nextToken, int? maxResults, CancellationToken cancellationToken)
    {
        if (maxResults is < 1 or > MaxQueryResults)
        {
            throw AthenaErrors.Validation("maxResults", maxResults, $"Member must have value less than or equal to {MaxQueryResults}");
        }

        StoredExecution stored;
        lock (_gate)
        {
            stored = FindExecution(id);
        }

        var state = stored.Execution.Status.State;
        if (state is QueryExecutionState.Queued or QueryExecutionState.Running)
        {
            throw AthenaErrors.InvalidRequest($"Query has not yet finished. Current state: {StateName(state)}");
        }

        if (state != QueryExecutionState.Succeeded)
        {
            throw AthenaErrors.InvalidRequest($"Query did not finish successfully. Final query state: {StateName(state)}");
        }

        var offset = nextToken is null ? 0 : int.Parse(Decode(nextToken, stored.Execution.QueryExecutionId), System.Globalization.CultureInfo.InvariantCulture);
        var location = S3Location.TryParse(stored.Execution.ResultConfiguration!.OutputLocation!)!;
        var key = location.Prefix.TrimEnd('/');
        await using var content = await _store.OpenReadAsync(location.Bucket, key, cancellationToken).ConfigureAwait(false)
            ?? throw AthenaErrors.InvalidRequest($"Unable to read the query results: {stored.Execution.ResultConfiguration.OutputLocation} does not exist.");
        using var reader = new StreamReader(content, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        var rows = stored.HasHeaderRow
            ? AthenaCsv.Parse(text)
            : text.Split('\n', StringSplitOptions.None).SkipLast(1).Select(line => line.Split('\t').Select(v => (string?)v).ToArray()).ToList();
        var size = maxResults ?? MaxQueryResults;
        var page = rows.Skip(offset).Take(size).Select(r => new Row(r.Select(v => new Datum(v)).ToList())).ToList();
        var next = offset + size < rows.Count ? Encode(stored.Execution.QueryExecutionId, (offset + size).ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
        return (new ResultSet(page, new ResultSetMetadata(stored.Columns ?? [])), next);
    }

    public void StopQueryExecution(string? id)
    {
        lock (_gate)
        {
            var stored = FindExecution(id);
            if (stored.Execution.Status.State is QueryExecutionState.Queued or QueryExecutionState.Running)
            {
                Finish(stored.Execution.QueryExecutionId, QueryExecutionState.Cancelled, "Query was cancelled by user", null, null, null);
                if (_running.Remove(stored.Execution.QueryExecutionId, out var cancellation))
                {
                    cancellation.Cancel();
                }
            }
        }
    }

    public (IReadOnlyList<string> Ids, string? NextToken) ListQueryExecutions(string? workGroup, string? nextToken, int? maxResults)
    {
        if (maxResults is < 0 or > 50)
        {
            throw AthenaErrors.Validation("maxResults", maxResults, "Member must have value less than or equal to 50");
        }

        var name = workGroup ?? PrimaryWorkGroup;
        ValidateName(name, "workGroup");
        lock (_gate)
        {
            FindWorkGroup(name);
            var offset = nextToken is null ? 0 : int.Parse(Decode(nextToken, "executions:" + name), System.Globalization.CultureInfo.InvariantCulture);
            var size = maxResults is null or 0 ? 50 : maxResults.Value;
            var ids = _state.Executions.Where(e => e.Execution.WorkGroup == name).Reverse().Select(e => e.Execution.QueryExecutionId).ToList();
            var page = ids.Skip(offset).Take(size).ToList();
            return (page, offset + size < ids.Count ? Encode("executions:" + name, (offset + size).ToString(System.Globalization.CultureInfo.InvariantCulture)) : null);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var cancellation in _running.Values)
            {
                cancellation.Cancel();
            }
        }
    }

    private async Task RunAsync(string id, QueryRequest query, CancellationTokenSource cancellation)
    {
        try
        {
            await _slots.WaitAsync(cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            var started = _time.GetTimestamp();
            lock (_gate)
            {
                if (cancellation.IsCancellationRequested)
                {
                    return;
                }

                Update(id, e => e with { Status = e.Status with { State = QueryExecutionState.Running } });
            }

            var outcome = await Task.Run(() => _engine.RunAsync(query, cancellation.Token), cancellation.Token).ConfigureAwait(false);
            var engineTime = _time.GetElapsedTime(started);
            var written = _time.GetTimestamp();
            await WriteResultsAsync(id, outcome, cancellation.Token).ConfigureAwait(false);
            var serviceTime = _time.GetElapsedTime(written);
            lock (_gate)
            {
                if (!cancellation.IsCancellationRequested)
                {
                    Finish(id, QueryExecutionState.Succeeded, null, null, outcome, (engineTime, serviceTime));
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // StopQueryExecution already recorded CANCELLED.
        }
        catch (AthenaQueryException e)
        {
            lock (_gate)
            {
                Finish(id, QueryExecutionState.Failed, e.Message, new AthenaError { ErrorCategory = e.ErrorCategory, ErrorType = e.ErrorType, Retryable = e.Retryable, ErrorMessage = e.Message }, null, null);
            }
        }
        catch (Exception e)
        {
            LogQueryCrashed(e, id);
            var message = $"GENERIC_INTERNAL_ERROR: {e.Message}";
            lock (_gate)
            {
                Finish(id, QueryExecutionState.Failed, message, new AthenaError { ErrorCategory = QueryErrors.System, ErrorType = QueryErrors.InternalError, Retryable = true, ErrorMessage = message }, null, null);
            }
        }
        finally
        {
            _slots.Release();
            lock (_gate)
            {
                _running.Remove(id);
            }

            cancellation.Dispose();
        }
    }

    private async Task WriteResultsAsync(string id, QueryOutcome outcome, CancellationToken cancellationToken)
    {
        string outputLocation;
        lock (_gate)
        {
            outputLocation = FindExecution(id).Execution.ResultConfiguration!.OutputLocation!;
        }

        var location = S3Location.TryParse(outputLocation)!;
        using var buffer = new MemoryStream();
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true))
        {
            if (outcome.HasHeaderRow)
            {
                AthenaCsv.Write(writer, outcome.Rows.Prepend(outcome.Columns.Select(c => (string?)c.Name).ToArray()));
            }
            else
            {
                foreach (var row in outcome.Rows)
                {
                    await writer.WriteAsync(string.Join('\t', row) + "\n").ConfigureAwait(false);
                }
            }
        }

        buffer.Position = 0;
        try
        {
            var options = new ObjectWriteOptions(ContentType: outcome.HasHeaderRow ? "text/csv" : "text/plain");
            await _store.PutObjectAsync(location.Bucket, location.Prefix.TrimEnd('/'), buffer, options, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Code == "NoSuchBucket")
        {
            throw QueryErrors.ResultWrite($"Unable to verify/create output bucket {location.Bucket}");
        }

        lock (_gate)
        {
            Update(id, e => e, stored => stored with { Columns = [.. outcome.Columns], HasHeaderRow = outcome.HasHeaderRow });
        }
    }

    // Callers hold _gate.
    private void Finish(string id, QueryExecutionState state, string? reason, AthenaError? error, QueryOutcome? outcome, (TimeSpan Engine, TimeSpan Service)? times)
    {
        var now = Now();
        Update(id, e =>
        {
            var total = (long)Math.Max(0, (now - e.Status.SubmissionDateTime) * 1000);
            var engine = (long)(times?.Engine.TotalMilliseconds ?? 0);
            var service = (long)(times?.Service.TotalMilliseconds ?? 0);
            return e with
            {
                Status = e.Status with { State = state, StateChangeReason = reason, CompletionDateTime = now, AthenaError = error },
                Statistics = new QueryExecutionStatistics
                {
                    EngineExecutionTimeInMillis = engine,
                    DataScannedInBytes = outcome?.DataScannedInBytes ?? 0,
                    TotalExecutionTimeInMillis = total,
                    QueryQueueTimeInMillis = Math.Max(0, total - engine - service),
                    ServicePreProcessingTimeInMillis = 0,
                    QueryPlanningTimeInMillis = 0,
                    ServiceProcessingTimeInMillis = service,
                },
            };
        });
    }

    private void Update(string id, Func<QueryExecution, QueryExecution> change, Func<StoredExecution, StoredExecution>? stored = null)
    {
        var index = _state.Executions.FindIndex(e => e.Execution.QueryExecutionId == id);
        if (index < 0)
        {
            return;
        }

        var current = _state.Executions[index];
        current = current with { Execution = change(current.Execution) };
        _state.Executions[index] = stored is null ? current : stored(current);
        Save();
    }

    private void Trim()
    {
        var excess = _state.Executions.Count - Math.Max(1, _options.MaxQueryExecutionsKept);
        for (var i = 0; i < _state.Executions.Count && excess > 0;)
        {
            if (_state.Executions[i].Execution.Status.State is QueryExecutionState.Queued or QueryExecutionState.Running)
            {
                i++;
                continue;
            }

            _state.Executions.RemoveAt(i);
            excess--;
        }
    }

    private WorkGroup FindWorkGroup(string name) =>
        _state.WorkGroups.FirstOrDefault(w => w.Name == name) ?? throw AthenaErrors.InvalidRequest($"WorkGroup {name} is not found.");

    private StoredExecution FindExecution(string? id)
    {
        if (id is null)
        {
            throw AthenaErrors.Missing("queryExecutionId");
        }

        return _state.Executions.FirstOrDefault(e => e.Execution.QueryExecutionId == id)
            ?? throw AthenaErrors.InvalidRequest($"QueryExecution {id} was not found");
    }

    private static void ValidateName(string? name, string member)
    {
        if (name is null)
        {
            throw AthenaErrors.Missing(member);
        }

        if (!WorkGroupName().IsMatch(name))
        {
            throw AthenaErrors.Validation(member, name, "Member must satisfy regular expression pattern: [a-zA-Z0-9._-]{1,128}");
        }
    }

    private static void ValidateConfiguration(long? cutoff, string? outputLocation, string member)
    {
        if (cutoff is < 10_000_000)
        {
            throw AthenaErrors.Validation($"{member}.bytesScannedCutoffPerQuery", cutoff, "Member must have value greater than or equal to 10000000");
        }

        if (outputLocation is not null && S3Location.TryParse(outputLocation) is null)
        {
            throw AthenaErrors.InvalidRequest("The S3 location provided to save your query results is invalid. Please check your S3 location is correct and is in the same region and try again. If you continue to see the issue, contact customer support for further assistance.");
        }
    }

    private static void ValidateDescription(string? description)
    {
        if (description is { Length: > 1024 })
        {
            throw AthenaErrors.Validation("description", description[..32] + "...", "Member must have length less than or equal to 1024");
        }
    }

    private static string StateName(QueryExecutionState state) => state.ToString().ToUpperInvariant();

    private static string Encode(string scope, string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{scope}\n{value}"));

    private static string Decode(string token, string scope)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            if (newline > 0 && text[..newline] == scope)
            {
                return text[(newline + 1)..];
            }
        }
        catch (FormatException)
        {
        }

        throw AthenaErrors.InvalidRequest("The NextToken is invalid.");
    }

    private double Now() => _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    private AthenaState Load()
    {
        AthenaState state;
        if (File.Exists(_file))
        {
            state = JsonSerializer.Deserialize(File.ReadAllBytes(_file), AthenaApiJsonContext.Default.AthenaState) ?? new AthenaState();
        }
        else
        {
            state = new AthenaState();
        }

        if (!state.WorkGroups.Any(w => w.Name == PrimaryWorkGroup))
        {
            state.WorkGroups.Add(new WorkGroup
            {
                Name = PrimaryWorkGroup,
                State = WorkGroupState.Enabled,
                Configuration = new WorkGroupConfiguration { EnforceWorkGroupConfiguration = false, PublishCloudWatchMetricsEnabled = false, RequesterPaysEnabled = false, EngineVersion = EngineVersion.Default },
                Description = "",
                CreationTime = Now(),
            });
        }

        const string Interrupted = "GENERIC_INTERNAL_ERROR: LocalCloud stopped while the query ran";
        for (var i = 0; i < state.Executions.Count; i++)
        {
            var e = state.Executions[i].Execution;
            if (e.Status.State is QueryExecutionState.Queued or QueryExecutionState.Running)
            {
                state.Executions[i] = state.Executions[i] with
                {
                    Execution = e with
                    {
                        Status = e.Status with
                        {
                            State = QueryExecutionState.Failed,
                            StateChangeReason = Interrupted,
                            CompletionDateTime = Now(),
                            AthenaError = new AthenaError { ErrorCategory = QueryErrors.System, ErrorType = QueryErrors.InternalError, Retryable = true, ErrorMessage = Interrupted },
                        },
                    },
                };
            }
        }

        return state;
    }

    // Callers hold _gate.
    private void Save() => DurableFile.Replace(_file, JsonSerializer.SerializeToUtf8Bytes(_state, AthenaApiJsonContext.Default.AthenaState));

    [GeneratedRegex("^[a-zA-Z0-9._-]{1,128}$")]
    private static partial Regex WorkGroupName();

    [LoggerMessage(Level = LogLevel.Error, Message = "Athena query {QueryExecutionId} failed unexpectedly")]
    private partial void LogQueryCrashed(Exception exception, string queryExecutionId);
}
