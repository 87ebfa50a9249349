using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.AwsShapes.Athena;
using Pipeline.LocalCloud.Athena;
using Pipeline.LocalCloud.Athena.Engine;

namespace Pipeline.UnitTests.LocalCloud.Athena;

/// <summary>Workgroups, the query history and its results survive a restart over the same data directory.</summary>
public sealed class AthenaPersistenceTests : IAsyncLifetime
{
    private ServiceHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ServiceHarness.CreateAsync();

    public Task DisposeAsync()
    {
        _harness.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_new_service_over_the_same_directory_serves_the_old_state()
    {
        _harness.Service.CreateWorkGroup("kept", new WorkGroupConfiguration { BytesScannedCutoffPerQuery = 12_000_000 }, "survives");
        var id = _harness.Start("SELECT 42 AS answer", workGroup: "kept");
        await _harness.WaitAsync(id);

        using var reopened = new AthenaService(_harness.Data.Catalog, _harness.Data.Store, _harness.Data.Options, new AthenaOptions(), TimeProvider.System, NullLogger<AthenaService>.Instance);
        var results = await reopened.GetQueryResultsAsync(id, null, null, CancellationToken.None);

        Assert.Equal(12_000_000, reopened.GetWorkGroup("kept").Configuration!.BytesScannedCutoffPerQuery);
        Assert.Equal(QueryExecutionStateValues.Succeeded, reopened.GetQueryExecution(id).Status!.State);
        Assert.Equal("42", results.ResultSet.Rows![1].Data![0].VarCharValue);
        Assert.Equal([id], reopened.ListQueryExecutions("kept", null, null).Ids);
    }
}
