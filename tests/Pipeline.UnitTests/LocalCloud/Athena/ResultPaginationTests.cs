using Pipeline.AwsShapes.Athena;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.UnitTests.LocalCloud.Athena;

/// <summary>GetQueryResults pages the header row and the rows with MaxResults and NextToken, as Athena does.</summary>
public sealed class ResultPaginationTests : IAsyncLifetime
{
    private ServiceHarness _harness = null!;
    private string _id = null!;

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.CreateAsync();
        _id = _harness.Start("SELECT DISTINCT vin, NULL AS nothing, '' AS empty FROM events_parquet ORDER BY vin");
        Assert.Equal(QueryExecutionStateValues.Succeeded, (await _harness.WaitAsync(_id)).Status!.State);
    }

    public Task DisposeAsync()
    {
        _harness.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Pages_hold_max_results_rows_with_the_header_first()
    {
        var first = await _harness.Service.GetQueryResultsAsync(_id, null, 3, CancellationToken.None);
        var second = await _harness.Service.GetQueryResultsAsync(_id, first.NextToken, 3, CancellationToken.None);
        var third = await _harness.Service.GetQueryResultsAsync(_id, second.NextToken, 3, CancellationToken.None);

        Assert.Equal(["vin", "nothing", "empty"], first.ResultSet.Rows![0].Data!.Select(d => d.VarCharValue!).ToArray());
        Assert.Equal(["V0", "V1"], first.ResultSet.Rows!.Skip(1).Select(r => r.Data![0].VarCharValue!).ToArray());
        Assert.Equal(["V2", "V3", "V4"], second.ResultSet.Rows!.Select(r => r.Data![0].VarCharValue!).ToArray());
        Assert.Equal(["V5", "V6"], third.ResultSet.Rows!.Select(r => r.Data![0].VarCharValue!).ToArray());
        Assert.Null(third.NextToken);
        Assert.Equal(3, third.ResultSet.ResultSetMetadata!.ColumnInfo!.Count);
    }

    [Fact]
    public async Task Null_has_no_value_and_empty_string_has_an_empty_one()
    {
        var page = await _harness.Service.GetQueryResultsAsync(_id, null, null, CancellationToken.None);

        Assert.Equal(8, page.ResultSet.Rows!.Count);
        Assert.Null(page.ResultSet.Rows![1].Data![1].VarCharValue);
        Assert.Equal("", page.ResultSet.Rows![1].Data![2].VarCharValue);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task Max_results_outside_1_to_1000_is_rejected(int maxResults)
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _harness.Service.GetQueryResultsAsync(_id, null, maxResults, CancellationToken.None));

        Assert.Equal("InvalidRequestException", error.Code);
    }

    [Fact]
    public async Task A_token_of_another_query_is_rejected()
    {
        var other = _harness.Start("SELECT vin FROM events_parquet");
        await _harness.WaitAsync(other);
        var page = await _harness.Service.GetQueryResultsAsync(other, null, 2, CancellationToken.None);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _harness.Service.GetQueryResultsAsync(_id, page.NextToken, 2, CancellationToken.None));

        Assert.Equal("The NextToken is invalid.", error.Message);
    }
}
