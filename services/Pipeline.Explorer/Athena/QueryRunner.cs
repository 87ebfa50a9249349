using Microsoft.Extensions.Logging;
using Pipeline.Aws;
using Pipeline.Aws.Athena;
using Pipeline.AwsShapes.Athena;
using Pipeline.Explorer.Hosting;

namespace Pipeline.Explorer.Athena;

/// <summary>Runs a query as any Athena client does: StartQueryExecution, poll GetQueryExecution, page GetQueryResults.</summary>
public sealed partial class QueryRunner(IAthenaClient athena, ExplorerOptions options, TimeProvider time, ILogger<QueryRunner> log)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Runs <paramref name="sql"/>; a failure is an answer (state and Athena's error text), not an exception.</summary>
    public async Task<QueryResult> RunAsync(string? name, string sql, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.QueryTimeoutSeconds)));
        string? id = null;
        try
        {
            id = await athena.StartQueryExecutionAsync(
                new StartQueryExecutionRequest
                {
                    QueryString = sql,
                    WorkGroup = options.WorkGroup,
                    QueryExecutionContext = new QueryExecutionContext { Database = options.Database },
                    ResultConfiguration = options.OutputLocation is { Length: > 0 } location ? new ResultConfiguration { OutputLocation = location } : null,
                },
                timeout.Token).ConfigureAwait(false);
            var execution = await WaitAsync(id, timeout.Token).ConfigureAwait(false);
            var state = execution.Status?.State;
            var scanned = execution.Statistics?.DataScannedInBytes ?? 0;
            var result = new QueryResult
            {
                Name = name,
                Sql = sql,
                QueryExecutionId = id,
                State = state ?? "UNKNOWN",
                DataScannedInBytes = scanned,
                RunTimeMillis = execution.Statistics?.TotalExecutionTimeInMillis ?? 0,
                PriceUsd = AthenaPrice.Dollars(state, scanned),
                AnsweredAt = time.GetUtcNow(),
            };
            if (state != QueryExecutionStateValues.Succeeded)
            {
                return result with { Error = execution.Status?.StateChangeReason ?? execution.Status?.AthenaError?.ErrorMessage ?? "Athena gave no reason." };
            }

            var table = ResultTable.From(await ReadPagesAsync(id, timeout.Token).ConfigureAwait(false), execution.StatementType, options.MaxRows);
            return result with { Columns = table.Columns, Rows = table.Rows, Truncated = table.Truncated };
        }
        catch (AwsServiceException e)
        {
            LogRefused(log, name ?? "SQL", e.ErrorCode, e.Message);
            return Refused(name, sql, id, $"{e.ErrorCode}: {e.Message}");
        }
        catch (HttpRequestException e)
        {
            return Refused(name, sql, id, $"Athena could not be reached: {e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Refused(name, sql, id, $"No answer from Athena within {options.QueryTimeoutSeconds} s.");
        }
    }

    private QueryResult Refused(string? name, string sql, string? id, string error) =>
        new() { Name = name, Sql = sql, QueryExecutionId = id, State = "ERROR", Error = error, AnsweredAt = time.GetUtcNow() };

    private async Task<QueryExecution> WaitAsync(string id, CancellationToken cancellationToken)
    {
        while (true)
        {
            var execution = await athena.GetQueryExecutionAsync(id, cancellationToken).ConfigureAwait(false);
            if (execution.Status?.State is QueryExecutionStateValues.Succeeded or QueryExecutionStateValues.Failed or QueryExecutionStateValues.Cancelled)
            {
                return execution;
            }

            await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<List<GetQueryResultsPage>> ReadPagesAsync(string id, CancellationToken cancellationToken)
    {
        var pages = new List<GetQueryResultsPage>();
        var rows = 0;
        string? token = null;
        do
        {
            var page = await athena.GetQueryResultsAsync(id, token, cancellationToken: cancellationToken).ConfigureAwait(false);
            pages.Add(page);
            rows += page.ResultSet?.Rows?.Count ?? 0;
            token = page.NextToken;
        }
        // One page past the limit is enough to know the result was cut.
        while (token is not null && rows <= options.MaxRows);

        return pages;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Athena refused {Query}: {ErrorCode}: {Message}")]
    private static partial void LogRefused(ILogger logger, string query, string errorCode, string message);
}
