using System.Text;
using Pipeline.Aws.Athena;
using Pipeline.AwsShapes.Athena;

namespace Pipeline.Generator.Freshness;

/// <summary>
/// Polls the stage table through Athena for the sampled records not found yet, while the run goes on and after it,
/// until every sample is found or has waited <see cref="FreshnessOptions.Timeout"/>.
/// </summary>
public sealed class FreshnessProbe(IAthenaClient athena, FreshnessOptions options, TimeProvider? time = null)
{
    // Ids per query: keeps the statement short whatever the sample count.
    private const int IdsPerQuery = 100;

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>
    /// Polls until <paramref name="runFinished"/> has completed and no sample is left waiting, then summarises.
    /// Cancelling stops polling and summarises what was found.
    /// </summary>
    public async Task<FreshnessSummary> RunAsync(FreshnessSampler sampler, Task runFinished, CancellationToken cancellationToken = default)
    {
        string? error = null;
        try
        {
            while (true)
            {
                var now = _time.GetUtcNow();
                var samples = sampler.Samples();
                var waiting = samples.Where(s => s.QueryableAt is null && now - s.SentAt <= options.Timeout).ToArray();
                if (runFinished.IsCompleted && waiting.Length == 0)
                {
                    return FreshnessSummary.From(samples, options);
                }

                foreach (var chunk in waiting.Chunk(IdsPerQuery))
                {
                    await PollAsync(chunk, cancellationToken);
                }

                await Task.Delay(options.PollInterval, _time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error = "interrupted";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // No such table yet, no workgroup, Athena unreachable: the run's own report must still come out.
            error = e.Message;
        }

        return FreshnessSummary.From(sampler.Samples(), options, error);
    }

    private async Task PollAsync(FreshnessSample[] samples, CancellationToken cancellationToken)
    {
        // A record found by this query was queryable when the query started.
        var startedAt = _time.GetUtcNow();
        var sql = new StringBuilder($"SELECT {options.IdField} FROM {options.Database}.{options.Table} WHERE {options.IdField} IN (");
        sql.AppendJoin(", ", samples.Select(s => $"'{s.Id}'")).Append(')');
        var found = await QueryAsync(sql.ToString(), cancellationToken);
        foreach (var sample in samples)
        {
            if (found.Contains(sample.Id))
            {
                sample.QueryableAt = startedAt;
            }
        }
    }

    private async Task<HashSet<string>> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        var id = await athena.StartQueryExecutionAsync(new StartQueryExecutionRequest { QueryString = sql, WorkGroup = options.WorkGroup }, cancellationToken);
        while (true)
        {
            var execution = await athena.GetQueryExecutionAsync(id, cancellationToken);
            var state = execution.Status?.State;
            if (state == QueryExecutionStateValues.Succeeded)
            {
                break;
            }

            if (state is QueryExecutionStateValues.Failed or QueryExecutionStateValues.Cancelled)
            {
                var reason = execution.Status?.StateChangeReason ?? "no reason given";

                // Before the first crawl the table does not exist: nothing is queryable yet, which is what is measured.
                if (reason.Contains("does not exist", StringComparison.OrdinalIgnoreCase) || reason.Contains("not found", StringComparison.OrdinalIgnoreCase))
                {
                    return [];
                }

                throw new InvalidOperationException($"Athena query {state}: {reason}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), _time, cancellationToken);
        }

        var found = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        var first = true;
        do
        {
            var page = await athena.GetQueryResultsAsync(id, token, 1000, cancellationToken);
            foreach (var row in page.ResultSet?.Rows ?? [])
            {
                // The first row of the first page is the header.
                if (first)
                {
                    first = false;
                    continue;
                }

                if (row.Data is [{ VarCharValue: { } value }, ..])
                {
                    found.Add(value);
                }
            }

            token = page.NextToken;
        }
        while (token is not null);

        return found;
    }
}
