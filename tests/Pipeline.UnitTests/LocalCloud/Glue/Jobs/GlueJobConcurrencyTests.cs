using Pipeline.AwsShapes.Glue;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.UnitTests.LocalCloud.Glue.Jobs;

/// <summary>StartJobRun refuses a run beyond MaxConcurrentRuns STARTING/RUNNING runs, and a job that does not exist.</summary>
public sealed class GlueJobConcurrencyTests : IAsyncLifetime
{
    private readonly JobsHarness _glue = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _glue.DisposeAsync();

    [Fact]
    public async Task The_default_allows_one_run_at_a_time()
    {
        var job = await _glue.Jobs.CreateAsync("etl", JobsHarness.Definition());
        var first = await _glue.StartAsync("etl");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _glue.StartAsync("etl"));

        Assert.Equal(1, job.ExecutionProperty!.MaxConcurrentRuns);
        Assert.Equal("ConcurrentRunsExceededException", error.Code);
        Assert.Contains("etl", error.Message, StringComparison.Ordinal);
        _glue.Script.Finish();
        await _glue.Jobs.WaitForRunAsync(first);
        var next = await _glue.StartAsync("etl");
        Assert.NotEqual(first, next);
    }

    [Fact]
    public async Task A_job_allowing_two_runs_refuses_the_third()
    {
        await _glue.Jobs.CreateAsync("etl", JobsHarness.Definition(maxConcurrentRuns: 2));
        await _glue.StartAsync("etl");
        await _glue.StartAsync("etl");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _glue.StartAsync("etl"));

        Assert.Equal("ConcurrentRunsExceededException", error.Code);
    }

    [Fact]
    public async Task Runs_of_other_jobs_do_not_count()
    {
        await _glue.Jobs.CreateAsync("a", JobsHarness.Definition());
        await _glue.Jobs.CreateAsync("b", JobsHarness.Definition());
        await _glue.StartAsync("a");

        var other = await _glue.StartAsync("b");

        Assert.Equal(JobRunStateValues.Running, (await _glue.WaitForStateAsync("b", other, JobRunStateValues.Running)).JobRunState);
    }

    [Fact]
    public async Task Starting_a_missing_job_is_entity_not_found()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _glue.StartAsync("missing"));

        Assert.Equal("EntityNotFoundException", error.Code);
    }
}
