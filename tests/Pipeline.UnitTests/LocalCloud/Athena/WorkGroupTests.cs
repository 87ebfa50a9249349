using Pipeline.AwsShapes.Athena;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.UnitTests.LocalCloud.Athena;

/// <summary>Workgroups: the built-in primary, Athena's validation, and the enforced configuration deciding where results go.</summary>
public sealed class WorkGroupTests : IAsyncLifetime
{
    private ServiceHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ServiceHarness.CreateAsync();

    public Task DisposeAsync()
    {
        _harness.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void Primary_exists_and_cannot_be_deleted()
    {
        Assert.Equal(WorkGroupStateValues.Enabled, _harness.Service.GetWorkGroup("primary").State);
        var error = Assert.Throws<AwsServiceException>(() => _harness.Service.DeleteWorkGroup("primary"));
        Assert.Equal("InvalidRequestException", error.Code);
    }

    [Fact]
    public void Cutoff_below_ten_million_bytes_is_rejected()
    {
        var error = Assert.Throws<AwsServiceException>(() => _harness.Service.CreateWorkGroup("small", new WorkGroupConfiguration { BytesScannedCutoffPerQuery = 9_999_999 }, null));

        Assert.Equal("1 validation error detected: Value '9999999' at 'configuration.bytesScannedCutoffPerQuery' failed to satisfy constraint: Member must have value greater than or equal to 10000000", error.Message);
    }

    [Fact]
    public async Task Enforced_output_location_wins_over_the_request()
    {
        _harness.Service.CreateWorkGroup("etl", new WorkGroupConfiguration
        {
            ResultConfiguration = new ResultConfiguration { OutputLocation = "s3://results/enforced/" },
            EnforceWorkGroupConfiguration = true,
        }, "pipeline queries");

        var id = _harness.Start("SELECT 1", workGroup: "etl", output: "s3://results/mine/");
        var execution = await _harness.WaitAsync(id);

        Assert.Equal($"s3://results/enforced/{id}.csv", execution.ResultConfiguration!.OutputLocation);
        Assert.NotNull(await _harness.Data.Store.GetObjectInfoAsync("results", $"enforced/{id}.csv"));
    }

    [Fact]
    public void Without_any_output_location_the_query_is_refused()
    {
        var error = Assert.Throws<AwsServiceException>(() => _harness.Start("SELECT 1", output: null));

        Assert.Equal(("InvalidRequestException", "No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input."), (error.Code, error.Message));
    }

    [Fact]
    public void Update_changes_and_removes_settings_and_disabling_refuses_queries()
    {
        _harness.Service.CreateWorkGroup("adhoc", new WorkGroupConfiguration { BytesScannedCutoffPerQuery = 20_000_000 }, null);

        _harness.Service.UpdateWorkGroup("adhoc", "ad hoc", new WorkGroupConfigurationUpdates
        {
            RemoveBytesScannedCutoffPerQuery = true,
            ResultConfigurationUpdates = new ResultConfigurationUpdates { OutputLocation = "s3://results/adhoc/" },
        }, WorkGroupStateValues.Disabled);
        var updated = _harness.Service.GetWorkGroup("adhoc");

        Assert.Null(updated.Configuration!.BytesScannedCutoffPerQuery);
        Assert.Equal(("ad hoc", "s3://results/adhoc/", WorkGroupStateValues.Disabled), (updated.Description, updated.Configuration!.ResultConfiguration!.OutputLocation, updated.State));
        var error = Assert.Throws<AwsServiceException>(() => _harness.Start("SELECT 1", workGroup: "adhoc"));
        Assert.Equal("WorkGroup adhoc is disabled.", error.Message);
    }

    [Fact]
    public void Duplicate_and_unknown_workgroups_are_errors()
    {
        _harness.Service.CreateWorkGroup("dup", null, null);

        Assert.Equal("WorkGroup is already created", Assert.Throws<AwsServiceException>(() => _harness.Service.CreateWorkGroup("dup", null, null)).Message);
        Assert.Equal("WorkGroup gone is not found.", Assert.Throws<AwsServiceException>(() => _harness.Service.GetWorkGroup("gone")).Message);
        Assert.Equal(["dup", "primary"], _harness.Service.ListWorkGroups(null, null).Items.Select(w => w.Name!).ToArray());
    }
}
