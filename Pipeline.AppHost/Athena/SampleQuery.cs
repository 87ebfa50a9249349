using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Pipeline.Aws;
using Pipeline.Aws.Athena;
using Pipeline.AwsShapes.Athena;

namespace Pipeline.AppHost.Athena;

/// <summary>Runs a query in the workgroup as any Athena client does (start, poll, page results) and logs what came back.</summary>
public static class SampleQuery
{
    /// <summary>Rows written to the log; the rest are counted.</summary>
    public const int ShownRows = 50;

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs <paramref name="sql"/>; returns a one-line summary, or throws <see cref="AthenaQueryFailedException"/>.</summary>
    public static async Task<string> RunAsync(IAthenaClient athena, string workGroup, string sql, ILogger log, CancellationToken cancellationToken)
    {
        var id = await athena.StartQueryExecutionAsync(new StartQueryExecutionRequest { QueryString = sql, WorkGroup = workGroup }, cancellationToken);
        log.LogInformation("Query {QueryExecutionId}: {Sql}", id, sql);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        QueryExecution execution;
        while (true)
        {
            execution = await athena.GetQueryExecutionAsync(id, timeout.Token);
            if (execution.Status?.State is QueryExecutionStateValues.Succeeded or QueryExecutionStateValues.Failed or QueryExecutionStateValues.Cancelled)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token);
        }

        var scanned = execution.Statistics?.DataScannedInBytes ?? 0;
        if (execution.Status?.State != QueryExecutionStateValues.Succeeded)
        {
            var reason = execution.Status?.StateChangeReason ?? execution.Status?.AthenaError?.ErrorMessage ?? "no reason given";
            log.LogError("Query {QueryExecutionId} {State}: {Reason}", id, execution.Status?.State, reason);
            throw new AthenaQueryFailedException($"{execution.Status?.State}: {reason}");
        }

        var rows = 0;
        string? token = null;
        do
        {
            var page = await athena.GetQueryResultsAsync(id, token, cancellationToken: timeout.Token);
            foreach (var row in page.ResultSet?.Rows ?? [])
            {
                // The first row of the first page is the header, as Athena returns it for SELECT.
                if (rows++ <= ShownRows)
                {
                    log.LogInformation("{Row}", Format(row));
                }
            }

            token = page.NextToken;
        }
        while (token is not null);

        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"{Math.Max(0, rows - 1)} rows, DataScannedInBytes={scanned}, {execution.Statistics?.TotalExecutionTimeInMillis ?? 0} ms");
        log.LogInformation("Query {QueryExecutionId} succeeded: {Summary}", id, summary);
        return summary;
    }

    private static string Format(Row row)
    {
        var text = new StringBuilder();
        foreach (var datum in row.Data ?? [])
        {
            text.Append(text.Length == 0 ? "| " : " | ").Append(datum.VarCharValue ?? "NULL");
        }

        return text.Append(" |").ToString();
    }
}
