using Pipeline.Aws.Athena;
using Pipeline.AwsShapes.Athena;

namespace Pipeline.EndToEndTests.Infrastructure;

/// <summary>Runs one Athena query to its end, as a user of the CLI would: start, poll, read every page.</summary>
internal sealed record AthenaQuery(QueryExecution Execution, IReadOnlyList<IReadOnlyList<string?>> Rows)
{
    public static async Task<AthenaQuery> RunAsync(AthenaClient athena, string workGroup, string sql)
    {
        var id = await athena.StartQueryExecutionAsync(new StartQueryExecutionRequest { QueryString = sql, WorkGroup = workGroup });
        var execution = await Eventually.WaitAsync(
            () => athena.GetQueryExecutionAsync(id),
            e => e.Status?.State is QueryExecutionStateValues.Succeeded or QueryExecutionStateValues.Failed or QueryExecutionStateValues.Cancelled,
            TimeSpan.FromSeconds(60),
            TimeSpan.FromMilliseconds(250));
        if (execution.Status?.State != QueryExecutionStateValues.Succeeded)
        {
            return new AthenaQuery(execution, []);
        }

        var rows = new List<IReadOnlyList<string?>>();
        string? token = null;
        do
        {
            var page = await athena.GetQueryResultsAsync(id, token);
            rows.AddRange((page.ResultSet?.Rows ?? []).Select(r => (IReadOnlyList<string?>)(r.Data ?? []).Select(d => d.VarCharValue).ToArray()));
            token = page.NextToken;
        }
        while (token is not null);

        // The first row of a SELECT's results is its header, as Athena returns it.
        return new AthenaQuery(execution, rows.Skip(1).ToArray());
    }

    public bool Succeeded => Execution.Status?.State == QueryExecutionStateValues.Succeeded;

    public string Describe => $"{Execution.Status?.State}: {Execution.Status?.StateChangeReason} {Execution.Status?.AthenaError?.ErrorMessage}";
}
