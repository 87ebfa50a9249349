using Pipeline.LocalCloud.Glue.Jobs;
using Pipeline.AwsShapes.Glue;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.UnitTests.LocalCloud.Glue.Jobs;

/// <summary>CreateJob, GetJob, GetJobs/ListJobs, UpdateJob and DeleteJob: defaults, errors and persistence.</summary>
public sealed class GlueJobDefinitionTests : IAsyncLifetime
{
    private readonly JobsHarness _glue = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _glue.DisposeAsync();

    [Fact]
    public async Task A_created_job_has_glues_defaults_and_survives_a_restart()
    {
        await _glue.Jobs.CreateAsync("etl", JobsHarness.Definition());
        await _glue.RestartAsync();
        var job = await _glue.Jobs.GetAsync("etl");

        Assert.Equal(1, job.ExecutionProperty!.MaxConcurrentRuns);
        Assert.Equal(GlueJobs.DefaultTimeoutMinutes, job.Timeout);
        Assert.Equal(0, job.MaxRetries);
        Assert.Equal("s3://scripts/glue/pipeline_etl.py", job.Command!.ScriptLocation);
        Assert.Equal("clickstream", job.DefaultArguments!["--dataset"]);
        Assert.Equal(_glue.Time.GetUtcNow(), job.CreatedOn);
    }

    [Fact]
    public async Task A_second_job_with_the_name_already_exists()
    {
        await _glue.Jobs.CreateAsync("etl", JobsHarness.Definition());

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _glue.Jobs.CreateAsync("etl", JobsHarness.Definition()));

        Assert.Equal("AlreadyExistsException", error.Code);
    }

    [Fact]
    public async Task A_job_needs_a_role_and_a_command()
    {
        var noRole = await Assert.ThrowsAsync<AwsServiceException>(() => _glue.Jobs.CreateAsync("etl", JobsHarness.Definition() with { Role = null }));
        var noCommand = await Assert.ThrowsAsync<AwsServiceException>(() => _glue.Jobs.CreateAsync("etl", JobsHarness.Definition() with { Command = null }));
        var badTimeout = await Assert.ThrowsAsync<AwsServiceException>(() => _glue.Jobs.CreateAsync("etl", JobsHarness.Definition(timeout: 0)));

        Assert.All(new[] { noRole, noCommand, badTimeout }, e => Assert.Equal("InvalidInputException", e.Code));
    }

    [Fact]
    public async Task Update_replaces_the_definition_and_keeps_the_creation_time()
    {
        var created = await _glue.Jobs.CreateAsync("etl", JobsHarness.Definition());
        _glue.Time.Advance(TimeSpan.FromMinutes(1));
        await _glue.Jobs.UpdateAsync("etl", JobsHarness.Definition(maxConcurrentRuns: 3) with { DefaultArguments = new Dictionary<string, string> { ["--dataset"] = "telemetry" } });
        var job = await _glue.Jobs.GetAsync("etl");

        Assert.Equal(created.CreatedOn, job.CreatedOn);
        Assert.Equal(created.LastModifiedOn + TimeSpan.FromSeconds(60), job.LastModifiedOn);
        Assert.Equal(3, job.ExecutionProperty!.MaxConcurrentRuns);
        Assert.Equal("telemetry", job.DefaultArguments!["--dataset"]);
        Assert.DoesNotContain("--output_compression", job.DefaultArguments.Keys);
    }

    [Fact]
    public async Task Jobs_are_listed_by_name_in_pages_and_deleted()
    {
        foreach (var name in new[] { "c", "a", "b" })
        {
            await _glue.Jobs.CreateAsync(name, JobsHarness.Definition());
        }

        var first = await _glue.Jobs.ListAsync(null, 2);
        var second = await _glue.Jobs.ListAsync(first.NextToken, 2);
        var deleted = await _glue.Jobs.DeleteAsync("a");
        var deletedAgain = await _glue.Jobs.DeleteAsync("a");
        var missing = await Assert.ThrowsAsync<AwsServiceException>(() => _glue.Jobs.GetAsync("a"));

        Assert.Equal(["a", "b"], first.Items.Select(j => j.Name));
        Assert.Equal(["c"], second.Items.Select(j => j.Name));
        Assert.Equal("a", deleted);
        Assert.Equal("a", deletedAgain);
        Assert.Equal("EntityNotFoundException", missing.Code);
    }

    [Fact]
    public async Task Updating_a_missing_job_is_entity_not_found()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _glue.Jobs.UpdateAsync("nope", JobsHarness.Definition()));

        Assert.Equal("EntityNotFoundException", error.Code);
    }
}
