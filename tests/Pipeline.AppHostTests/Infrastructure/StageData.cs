using System.Globalization;
using Pipeline.Aws;
using Pipeline.Aws.Athena;
using Pipeline.AwsShapes.Athena;

namespace Pipeline.AppHostTests.Infrastructure;

/// <summary>The stage layer as a user reads it: through Athena, in the pipeline's workgroup.</summary>
internal static class StageData
{
    public const string WorkGroup = "pipeline-local";

    public const string CountClickstream = "SELECT count(*) FROM pipeline.clickstream_stage";

    /// <summary>Runs a query whose first column of its first row is a number and returns it.</summary>
    /// <exception cref="InvalidOperationException">The query failed (for instance, the table does not exist yet).</exception>
    public static async Task<long> CountAsync(AwsClientFactory aws, string sql = CountClickstream, CancellationToken cancellationToken = default)
    {
        var athena = aws.CreateAthena();
        var id = await athena.StartQueryExecutionAsync(new StartQueryExecutionRequest { QueryString = sql, WorkGroup = WorkGroup }, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        while (true)
        {
            var execution = await athena.GetQueryExecutionAsync(id, timeout.Token);
            var state = execution.Status?.State;
            if (state == QueryExecutionStateValues.Succeeded)
            {
                break;
            }

            if (state is QueryExecutionStateValues.Failed or QueryExecutionStateValues.Cancelled)
            {
                throw new InvalidOperationException($"{sql}: {state}: {execution.Status?.StateChangeReason ?? execution.Status?.AthenaError?.ErrorMessage}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token);
        }

        var page = await athena.GetQueryResultsAsync(id, cancellationToken: timeout.Token);
        var rows = page.ResultSet?.Rows ?? [];

        // The first row is the header, as Athena returns it for SELECT.
        var value = rows.Count > 1 && rows[1].Data is [var first, ..] ? first.VarCharValue : null;
        return long.Parse(value ?? throw new InvalidOperationException($"{sql} returned no value."), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Asks until the clickstream stage table has rows (the first ETL run has to come through) and returns their count.
    /// <paramref name="stillRunning"/> is checked between tries; it throws when the run being waited on has died.
    /// </summary>
    public static async Task<long> WaitForRowsAsync(AwsClientFactory aws, TimeSpan timeout, Action? stillRunning = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer yet";
        while (DateTime.UtcNow < deadline)
        {
            stillRunning?.Invoke();
            try
            {
                var count = await CountAsync(aws);
                if (count > 0)
                {
                    return count;
                }

                last = "0 rows";
            }
            catch (Exception e) when (e is InvalidOperationException or AwsServiceException or HttpRequestException or OperationCanceledException)
            {
                last = e.Message;
            }

            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        throw new TimeoutException($"{CountClickstream} found no rows within {timeout}; last: {last}");
    }
}
