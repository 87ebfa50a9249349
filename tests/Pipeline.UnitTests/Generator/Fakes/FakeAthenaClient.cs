using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Pipeline.Aws.Athena;
using Pipeline.AwsShapes.Athena;

namespace Pipeline.UnitTests.Generator.Fakes;

/// <summary>
/// Athena in memory for the freshness probe: a query finds the ids in its <c>IN (...)</c> list that
/// <see cref="IsQueryable"/> says are in the table at the time the query is started; or fails with <see cref="FailWith"/>.
/// </summary>
internal sealed partial class FakeAthenaClient(TimeProvider time) : IAthenaClient
{
    private readonly ConcurrentDictionary<string, string[]> _results = new();
    private int _next;

    /// <summary>Whether the id is queryable at the given time.</summary>
    public Func<string, DateTimeOffset, bool> IsQueryable { get; init; } = (_, _) => true;

    /// <summary>A state-change reason to fail every query with; null succeeds.</summary>
    public string? FailWith { get; init; }

    public ConcurrentQueue<string> Queries { get; } = new();

    public Task CreateWorkGroupAsync(string name, WorkGroupConfiguration? configuration = null, string? description = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<WorkGroup> GetWorkGroupAsync(string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<string> StartQueryExecutionAsync(StartQueryExecutionRequest request, CancellationToken cancellationToken = default)
    {
        Queries.Enqueue(request.QueryString!);
        var id = $"q{Interlocked.Increment(ref _next)}";
        var now = time.GetUtcNow();
        _results[id] = [.. Quoted().Matches(request.QueryString!).Select(m => m.Groups[1].Value).Where(v => IsQueryable(v, now))];
        return Task.FromResult(id);
    }

    public Task<QueryExecution> GetQueryExecutionAsync(string queryExecutionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new QueryExecution
        {
            QueryExecutionId = queryExecutionId,
            Status = new QueryExecutionStatus
            {
                State = FailWith is null ? QueryExecutionStateValues.Succeeded : QueryExecutionStateValues.Failed,
                StateChangeReason = FailWith,
            },
        });

    public Task<GetQueryResultsPage> GetQueryResultsAsync(string queryExecutionId, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default)
    {
        var rows = new List<Row> { new() { Data = [new Datum { VarCharValue = "event_id" }] } };
        rows.AddRange(_results[queryExecutionId].Select(id => new Row { Data = [new Datum { VarCharValue = id }] }));
        return Task.FromResult(new GetQueryResultsPage { ResultSet = new ResultSet { Rows = rows } });
    }

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();
}
