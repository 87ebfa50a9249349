using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Pipeline.AwsShapes.Athena;
using Pipeline.LocalCloud.Athena.Results;
using Pipeline.LocalCloud.Athena.Sql;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.Athena.Engine;

/// <summary>
/// Athena's query executions. Queries run in the background, at most <see cref="AthenaOptions.MaxConcurrentQueries"/>
/// at once (the rest wait QUEUED); results go to the output location in the object store as Athena writes them, and
/// GetQueryResults pages through that file. The history keeps <see cref="AthenaOptions.MaxQueryExecutionsKept"/>.
/// </summary>
internal sealed partial class QueryRuns(AthenaStore store, IGlueCatalog catalog, IObjectStore objects, AthenaOptions options, TimeProvider time, ILogger logger) : IDisposable
{
    private const int MaxQueryResults = 1000;

    private readonly Dictionary<string, CancellationTokenSource> _running = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.MaxConcurrentQueries));
    private readonly QueryEngine _engine = new(catalog, objects, options);
    private readonly IObjectStore _objects = objects;
    private readonly AthenaOptions _options = options;
    private readonly ILogger _logger = logger;

    public string Start(StartQueryExecutionRequest request)
    {
        var sql = request.QueryString ?? throw AthenaValidation.Missing("queryString");
        if (sql.Length is < 1 or > 262_144)
        {
            throw AthenaValidation.Validation("queryString", sql.Length > 64 ? sql[..64] + "..." : sql, "Member must have length less than or equal to 262144");
        }

        if (request.ClientRequestToken is { Length: < 32 or > 128 } token)
        {
            throw AthenaValidation.Validation("clientRequestToken", token, "Member must have length greater than or equal to 32");
        }

        var workGroupName = request.WorkGroup ?? AthenaStore.PrimaryWorkGroup;
        AthenaValidation.WorkGroupName(workGroupName, "workGroup");
        lock (store.Gate)
        {
            if (request.ClientRequestToken is { } idempotency && store.State.Executions.FirstOrDefault(e => e.ClientRequestToken == idempotency) is { } previous)
            {
                if (previous.Execution.Query != sql || previous.Execution.WorkGroup != workGroupName)
                {
                    throw AthenaValidation.InvalidRequest("Idempotent parameters do not match");
                }

                return previous.Execution.QueryExecutionId!;
            }

            var workGroup = store.FindWorkGroup(workGroupName);
            if (workGroup.State == WorkGroupStateValues.Disabled)
            {
                throw AthenaValidation.InvalidRequest($"WorkGroup {workGroupName} is disabled.");
            }

            var configuration = workGroup.Configuration;
            var output = configuration?.EnforceWorkGroupConfiguration == true
                ? configuration.ResultConfiguration?.OutputLocation ?? request.ResultConfiguration?.OutputLocation
                : request.ResultConfiguration?.OutputLocation ?? configuration?.ResultConfiguration?.OutputLocation;
            if (output is null)
            {
                throw AthenaValidation.InvalidRequest("No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.");
            }

            if (S3Location.TryParse(output) is null)
            {
                throw AthenaValidation.InvalidOutputLocation();
            }

            var id = Guid.NewGuid().ToString("D");
            var utility = QueryEngine.IsUtility(sql);
            var execution = new QueryExecution
            {
                QueryExecutionId = id,
                Query = sql,
                StatementType = utility ?? StatementTypeValues.Dml,
                ResultConfiguration = new ResultConfiguration { OutputLocation = $"{output.TrimEnd('/')}/{id}.{(utility is null ? "csv" : "txt")}" },
                QueryExecutionContext = request.QueryExecutionContext ?? new QueryExecutionContext(),
                Status = new QueryExecutionStatus { State = QueryExecutionStateValues.Queued, SubmissionDateTime = store.Now() },
                Statistics = new QueryExecutionStatistics { EngineExecutionTimeInMillis = 0, DataScannedInBytes = 0, TotalExecutionTimeInMillis = 0 },
                WorkGroup = workGroupName,
                EngineVersion = configuration?.EngineVersion ?? AthenaStore.EngineVersion,
                SubstatementType = utility is null ? "SELECT" : null,
            };
            store.State.Executions.Add(new StoredExecution { Execution = execution, ClientRequestToken = request.ClientRequestToken });
            Trim();
            store.Save();

            var cancellation = new CancellationTokenSource();
            _running[id] = cancellation;
            var query = new QueryRequest(sql, execution.QueryExecutionContext.Database, execution.QueryExecutionContext.Catalog, configuration?.BytesScannedCutoffPerQuery);
            _ = Task.Run(() => RunAsync(id, query, cancellation));
            return id;
        }
    }

    public QueryExecution Get(string? id)
    {
        lock (store.Gate)
        {
            return store.FindExecution(id).Execution;
        }
    }

    public (IReadOnlyList<QueryExecution> Found, IReadOnlyList<UnprocessedQueryExecutionId> Unprocessed) BatchGet(IReadOnlyList<string>? ids)
    {
        if (ids is null)
        {
            throw AthenaValidation.Missing("queryExecutionIds");
        }

        if (ids.Count is < 1 or > 50)
        {
            throw AthenaValidation.Validation("queryExecutionIds", $"[{string.Join(", ", ids)}]", "Member must have length less than or equal to 50");
        }

        lock (store.Gate)
        {
            var executions = ids.Select(id => (Id: id, Stored: store.State.Executions.FirstOrDefault(e => e.Execution.QueryExecutionId == id))).ToList();
            var found = executions.Where(e => e.Stored is not null).Select(e => e.Stored!.Execution).ToList();
            var unprocessed = executions.Where(e => e.Stored is null)
                .Select(e => new UnprocessedQueryExecutionId { QueryExecutionId = e.Id, ErrorCode = "INVALID_INPUT", ErrorMessage = $"QueryExecution {e.Id} was not found" })
                .ToList();
            return (found, unprocessed);
        }
    }

    public async Task<(ResultSet ResultSet, string? NextToken)> GetResultsAsync(string? id, string? nextToken, int? maxResults, CancellationToken cancellationToken)
    {
        AthenaValidation.MaxResults(maxResults, 1, MaxQueryResults);
        StoredExecution stored;
        lock (store.Gate)
        {
            stored = store.FindExecution(id);
        }

        var state = stored.Execution.Status!.State;
        if (state is QueryExecutionStateValues.Queued or QueryExecutionStateValues.Running)
        {
            throw AthenaValidation.InvalidRequest($"Query has not yet finished. Current state: {state}");
        }

        if (state != QueryExecutionStateValues.Succeeded)
        {
            throw AthenaValidation.InvalidRequest($"Query did not finish successfully. Final query state: {state}");
        }

        var offset = nextToken is null ? 0 : int.Parse(AthenaValidation.Decode(nextToken, stored.Execution.QueryExecutionId!), CultureInfo.InvariantCulture);
        var location = S3Location.TryParse(stored.Execution.ResultConfiguration!.OutputLocation!)!;
        var key = location.Prefix.TrimEnd('/');
        await using var content = await _objects.OpenReadAsync(location.Bucket, key, cancellationToken).ConfigureAwait(false)
            ?? throw AthenaValidation.InvalidRequest($"Unable to read the query results: {stored.Execution.ResultConfiguration.OutputLocation} does not exist.");
        using var reader = new StreamReader(content, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        var rows = stored.HasHeaderRow
            ? AthenaCsv.Parse(text)
            : text.Split('\n', StringSplitOptions.None).SkipLast(1).Select(line => line.Split('\t').Select(v => (string?)v).ToArray()).ToList();
        var size = maxResults ?? MaxQueryResults;
        var page = rows.Skip(offset).Take(size).Select(r => new Row { Data = r.Select(v => new Datum { VarCharValue = v }).ToList() }).ToList();
        var next = offset + size < rows.Count ? AthenaValidation.Encode(stored.Execution.QueryExecutionId!, (offset + size).ToString(CultureInfo.InvariantCulture)) : null;
        return (new ResultSet { Rows = page, ResultSetMetadata = new ResultSetMetadata { ColumnInfo = stored.Columns ?? [] } }, next);
    }

    public void Stop(string? id)
    {
        lock (store.Gate)
        {
            var stored = store.FindExecution(id);
            if (stored.Execution.Status!.State is QueryExecutionStateValues.Queued or QueryExecutionStateValues.Running)
            {
                Finish(stored.Execution.QueryExecutionId!, QueryExecutionStateValues.Cancelled, "Query was cancelled by user", null, null, null);
                if (_running.Remove(stored.Execution.QueryExecutionId!, out var cancellation))
                {
                    cancellation.Cancel();
                }
            }
        }
    }

    public (IReadOnlyList<string> Ids, string? NextToken) List(string? workGroup, string? nextToken, int? maxResults)
    {
        AthenaValidation.MaxResults(maxResults, 0, 50);
        var name = workGroup ?? AthenaStore.PrimaryWorkGroup;
        AthenaValidation.WorkGroupName(name, "workGroup");
        lock (store.Gate)
        {
            store.FindWorkGroup(name);
            var offset = nextToken is null ? 0 : int.Parse(AthenaValidation.Decode(nextToken, "executions:" + name), CultureInfo.InvariantCulture);
            var size = maxResults is null or 0 ? 50 : maxResults.Value;
            var ids = store.State.Executions.Where(e => e.Execution.WorkGroup == name).Reverse().Select(e => e.Execution.QueryExecutionId!).ToList();
            var page = ids.Skip(offset).Take(size).ToList();
            return (page, offset + size < ids.Count ? AthenaValidation.Encode("executions:" + name, (offset + size).ToString(CultureInfo.InvariantCulture)) : null);
        }
    }

    public void Dispose()
    {
        lock (store.Gate)
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
            var started = time.GetTimestamp();
            lock (store.Gate)
            {
                if (cancellation.IsCancellationRequested)
                {
                    return;
                }

                Update(id, s => s with { Execution = s.Execution with { Status = s.Execution.Status! with { State = QueryExecutionStateValues.Running } } });
            }

            var outcome = await Task.Run(() => _engine.RunAsync(query, cancellation.Token), cancellation.Token).ConfigureAwait(false);
            var engineTime = time.GetElapsedTime(started);
            var written = time.GetTimestamp();
            await WriteResultsAsync(id, outcome, cancellation.Token).ConfigureAwait(false);
            var serviceTime = time.GetElapsedTime(written);
            lock (store.Gate)
            {
                if (!cancellation.IsCancellationRequested)
                {
                    Finish(id, QueryExecutionStateValues.Succeeded, null, null, outcome, (engineTime, serviceTime));
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // StopQueryExecution already recorded CANCELLED.
        }
        catch (AthenaQueryException e)
        {
            lock (store.Gate)
            {
                Finish(id, QueryExecutionStateValues.Failed, e.Message, new AthenaError { ErrorCategory = e.ErrorCategory, ErrorType = e.ErrorType, Retryable = e.Retryable, ErrorMessage = e.Message }, null, null);
            }
        }
        catch (Exception e)
        {
            LogQueryCrashed(e, id);
            var message = $"GENERIC_INTERNAL_ERROR: {e.Message}";
            lock (store.Gate)
            {
                Finish(id, QueryExecutionStateValues.Failed, message, new AthenaError { ErrorCategory = QueryErrors.System, ErrorType = QueryErrors.InternalError, Retryable = true, ErrorMessage = message }, null, null);
            }
        }
        finally
        {
            _slots.Release();
            lock (store.Gate)
            {
                _running.Remove(id);
            }

            cancellation.Dispose();
        }
    }

    private async Task WriteResultsAsync(string id, QueryOutcome outcome, CancellationToken cancellationToken)
    {
        string outputLocation;
        lock (store.Gate)
        {
            outputLocation = store.FindExecution(id).Execution.ResultConfiguration!.OutputLocation!;
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
            var writeOptions = new ObjectWriteOptions(ContentType: outcome.HasHeaderRow ? "text/csv" : "text/plain");
            await _objects.PutObjectAsync(location.Bucket, location.Prefix.TrimEnd('/'), buffer, writeOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Code == "NoSuchBucket")
        {
            throw QueryErrors.ResultWrite($"Unable to verify/create output bucket {location.Bucket}");
        }

        lock (store.Gate)
        {
            Update(id, stored => stored with { Columns = [.. outcome.Columns], HasHeaderRow = outcome.HasHeaderRow });
        }
    }

    // Callers hold the store's gate.
    private void Finish(string id, string state, string? reason, AthenaError? error, QueryOutcome? outcome, (TimeSpan Engine, TimeSpan Service)? times)
    {
        var now = store.Now();
        Update(id, stored =>
        {
            var e = stored.Execution;
            var total = (long)Math.Max(0, (now - e.Status!.SubmissionDateTime!.Value).TotalMilliseconds);
            var engine = (long)(times?.Engine.TotalMilliseconds ?? 0);
            var service = (long)(times?.Service.TotalMilliseconds ?? 0);
            var statistics = new QueryExecutionStatistics
            {
                EngineExecutionTimeInMillis = engine,
                DataScannedInBytes = outcome?.DataScannedInBytes ?? 0,
                TotalExecutionTimeInMillis = total,
                QueryQueueTimeInMillis = Math.Max(0, total - engine - service),
                ServicePreProcessingTimeInMillis = 0,
                QueryPlanningTimeInMillis = 0,
                ServiceProcessingTimeInMillis = service,
            };
            var status = e.Status with { State = state, StateChangeReason = reason, CompletionDateTime = now, AthenaError = error };
            return stored with { Execution = e with { Status = status, Statistics = statistics } };
        });
    }

    // Callers hold the store's gate.
    private void Update(string id, Func<StoredExecution, StoredExecution> change)
    {
        var index = store.State.Executions.FindIndex(e => e.Execution.QueryExecutionId == id);
        if (index >= 0)
        {
            store.State.Executions[index] = change(store.State.Executions[index]);
            store.Save();
        }
    }

    private void Trim()
    {
        var excess = store.State.Executions.Count - Math.Max(1, _options.MaxQueryExecutionsKept);
        for (var i = 0; i < store.State.Executions.Count && excess > 0;)
        {
            if (store.State.Executions[i].Execution.Status!.State is QueryExecutionStateValues.Queued or QueryExecutionStateValues.Running)
            {
                i++;
                continue;
            }

            store.State.Executions.RemoveAt(i);
            excess--;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Athena query {QueryExecutionId} failed unexpectedly")]
    private partial void LogQueryCrashed(Exception exception, string queryExecutionId);
}
