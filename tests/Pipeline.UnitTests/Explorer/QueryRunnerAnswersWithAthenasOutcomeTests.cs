using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Aws;
using Pipeline.Aws.Athena;
using Pipeline.AwsShapes.Athena;
using Pipeline.Explorer.Athena;
using Pipeline.Explorer.Hosting;

namespace Pipeline.UnitTests.Explorer;

/// <summary>A query's answer as the page gets it: rows and cost when it succeeds, Athena's own text when it does not.</summary>
public sealed class QueryRunnerAnswersWithAthenasOutcomeTests
{
    private static readonly ExplorerOptions Options = new() { WorkGroup = "wg", Database = "db", MaxRows = 100 };

    [Fact]
    public async Task A_succeeded_query_brings_its_rows_scan_run_time_and_price()
    {
        var athena = new FakeAthena(
            new QueryExecution
            {
                QueryExecutionId = "q-1",
                StatementType = "DML",
                Status = new QueryExecutionStatus { State = QueryExecutionStateValues.Succeeded },
                Statistics = new QueryExecutionStatistics { DataScannedInBytes = 123_456_789, TotalExecutionTimeInMillis = 842 },
            },
            [ExplorerFixtureJsonContext.Page("select-page-1.json") with { NextToken = null }]);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

        var result = await new QueryRunner(athena, Options, time, NullLogger<QueryRunner>.Instance).RunAsync("n", "SELECT 1", CancellationToken.None);

        Assert.Equal(("SUCCEEDED", 123_456_789L, 842L, AthenaPrice.Dollars(123_456_789)), (result.State, result.DataScannedInBytes, result.RunTimeMillis, result.PriceUsd));
        Assert.Equal([["Volvo", "120"], ["Scania", "97"]], result.Rows.Select(r => r.ToArray()).ToArray());
        Assert.Equal(time.GetUtcNow(), result.AnsweredAt);
        Assert.Equal(("wg", "db"), (athena.Started!.WorkGroup, athena.Started.QueryExecutionContext!.Database));
    }

    [Fact]
    public async Task A_failed_query_brings_athenas_error_text_and_costs_nothing()
    {
        var athena = new FakeAthena(
            new QueryExecution
            {
                QueryExecutionId = "q-2",
                Status = new QueryExecutionStatus { State = QueryExecutionStateValues.Failed, StateChangeReason = "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.db.x' does not exist" },
                Statistics = new QueryExecutionStatistics { DataScannedInBytes = 0 },
            },
            []);

        var result = await new QueryRunner(athena, Options, new FakeTimeProvider(), NullLogger<QueryRunner>.Instance).RunAsync(null, "SELECT * FROM x", CancellationToken.None);

        Assert.Equal(("FAILED", "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.db.x' does not exist", 0m), (result.State, result.Error, result.PriceUsd));
        Assert.Empty(result.Rows);
    }

    [Fact]
    public async Task A_refused_call_brings_the_error_code_and_message()
    {
        var athena = new FakeAthena(null, []) { Refusal = new AwsServiceException("Athena", "StartQueryExecution", "InvalidRequestException", "WorkGroup wg is not found.", System.Net.HttpStatusCode.BadRequest) };

        var result = await new QueryRunner(athena, Options, new FakeTimeProvider(), NullLogger<QueryRunner>.Instance).RunAsync(null, "SELECT 1", CancellationToken.None);

        Assert.Equal("ERROR", result.State);
        Assert.Contains("InvalidRequestException", result.Error, StringComparison.Ordinal);
        Assert.Contains("WorkGroup wg is not found.", result.Error, StringComparison.Ordinal);
    }

    private sealed class FakeAthena(QueryExecution? execution, IReadOnlyList<GetQueryResultsPage> pages) : IAthenaClient
    {
        public AwsServiceException? Refusal { get; init; }

        public StartQueryExecutionRequest? Started { get; private set; }

        public Task CreateWorkGroupAsync(string name, WorkGroupConfiguration? configuration = null, string? description = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<WorkGroup> GetWorkGroupAsync(string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<string> StartQueryExecutionAsync(StartQueryExecutionRequest request, CancellationToken cancellationToken = default)
        {
            Started = request;
            return Refusal is null ? Task.FromResult(execution!.QueryExecutionId!) : Task.FromException<string>(Refusal);
        }

        public Task<QueryExecution> GetQueryExecutionAsync(string queryExecutionId, CancellationToken cancellationToken = default) => Task.FromResult(execution!);

        public Task<GetQueryResultsPage> GetQueryResultsAsync(string queryExecutionId, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(pages[nextToken is null ? 0 : int.Parse(nextToken, System.Globalization.CultureInfo.InvariantCulture)]);
    }
}
