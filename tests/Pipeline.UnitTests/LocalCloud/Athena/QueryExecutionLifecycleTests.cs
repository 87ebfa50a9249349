using System.Text;
using Pipeline.AwsShapes.Athena;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.UnitTests.LocalCloud.Athena;

/// <summary>A query goes QUEUED → RUNNING → SUCCEEDED or FAILED, leaves its CSV in S3 and its record in the history.</summary>
public sealed class QueryExecutionLifecycleTests : IAsyncLifetime
{
    private ServiceHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ServiceHarness.CreateAsync();

    public Task DisposeAsync()
    {
        _harness.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Succeeded_query_writes_athena_csv_to_the_output_location()
    {
        var id = _harness.Start("SELECT vendor, count(*) AS n FROM events_json WHERE month = '01' AND day = '01' GROUP BY 1 ORDER BY 1");

        var execution = await _harness.WaitAsync(id);

        Assert.Equal(QueryExecutionStateValues.Succeeded, execution.Status!.State);
        Assert.Equal($"s3://results/out/{id}.csv", execution.ResultConfiguration!.OutputLocation);
        Assert.Equal(_harness.Data.SizeOf("json", "01", "01"), execution.Statistics!.DataScannedInBytes);
        Assert.NotNull(execution.Status!.CompletionDateTime);
        Assert.Equal((StatementTypeValues.Dml, "primary"), (execution.StatementType, execution.WorkGroup));
        await using var csv = await _harness.Data.Store.OpenReadAsync("results", $"out/{id}.csv");
        using var reader = new StreamReader(csv!, Encoding.UTF8);
        Assert.Equal("\"vendor\",\"n\"\n\"acme\",\"1000\"\n\"zeta\",\"1000\"\n", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task Failed_query_reports_athena_error()
    {
        var id = _harness.Start("SELECT * FROM tele.nothing_here");

        var execution = await _harness.WaitAsync(id);

        Assert.Equal(QueryExecutionStateValues.Failed, execution.Status!.State);
        Assert.Equal("TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.tele.nothing_here' does not exist", execution.Status!.StateChangeReason);
        Assert.Equal(new AthenaError { ErrorCategory = 2, ErrorType = 1006, Retryable = false, ErrorMessage = execution.Status!.StateChangeReason }, execution.Status!.AthenaError);
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _harness.Service.GetQueryResultsAsync(id, null, null, CancellationToken.None));
        Assert.Equal(("InvalidRequestException", "Query did not finish successfully. Final query state: FAILED"), (error.Code, error.Message));
    }

    [Fact]
    public async Task Missing_output_bucket_fails_the_query()
    {
        var id = _harness.Start("SELECT 1", output: "s3://no-such-bucket/x/");

        var execution = await _harness.WaitAsync(id);

        Assert.Equal((QueryExecutionStateValues.Failed, "Unable to verify/create output bucket no-such-bucket"), (execution.Status!.State, execution.Status!.StateChangeReason));
    }

    [Fact]
    public async Task Stopped_query_is_cancelled_and_stays_cancelled()
    {
        var id = _harness.Start("SELECT count(*) FROM events_json a, events_json b, events_json c");
        await _harness.WaitAsync(id, s => s != QueryExecutionStateValues.Queued);

        _harness.Service.StopQueryExecution(id);
        var stopped = _harness.Service.GetQueryExecution(id);
        await Task.Delay(500);

        Assert.Equal(QueryExecutionStateValues.Cancelled, stopped.Status!.State);
        Assert.Equal(QueryExecutionStateValues.Cancelled, _harness.Service.GetQueryExecution(id).Status!.State);
        var next = await _harness.WaitAsync(_harness.Start("SELECT 1"));
        Assert.Equal(QueryExecutionStateValues.Succeeded, next.Status!.State);
    }

    [Fact]
    public async Task History_lists_newest_first_in_pages_and_batch_get_reports_unknown_ids()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(_harness.Start($"SELECT {i}"));
        }

        var first = _harness.Service.ListQueryExecutions(null, null, 2);
        var second = _harness.Service.ListQueryExecutions(null, first.NextToken, 2);
        var batch = _harness.Service.BatchGetQueryExecution([ids[0], "unknown-id"]);

        Assert.Equal([ids[2], ids[1]], first.Ids);
        Assert.Equal([ids[0]], second.Ids);
        Assert.Null(second.NextToken);
        Assert.Equal(ids[0], Assert.Single(batch.Found).QueryExecutionId);
        Assert.Equal("unknown-id", Assert.Single(batch.Unprocessed).QueryExecutionId);
        foreach (var id in ids)
        {
            await _harness.WaitAsync(id);
        }
    }

    [Fact]
    public async Task Same_client_request_token_returns_the_same_query()
    {
        var token = new string('t', 32);

        var first = _harness.Start("SELECT 1", token: token);
        var again = _harness.Start("SELECT 1", token: token);
        var error = Assert.Throws<AwsServiceException>(() => _harness.Start("SELECT 2", token: token));

        Assert.Equal(first, again);
        Assert.Equal("Idempotent parameters do not match", error.Message);
        await _harness.WaitAsync(first);
    }
}
