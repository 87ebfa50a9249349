using Pipeline.LocalCloud.Glue.Jobs;
using Pipeline.AwsShapes.Glue;

namespace Pipeline.UnitTests.LocalCloud.Glue.Jobs;

/// <summary>A run's states: STARTING → RUNNING → SUCCEEDED / FAILED / STOPPING → STOPPED / TIMEOUT, with times from the clock.</summary>
public sealed class GlueJobRunStateTests : IAsyncLifetime
{
    private readonly JobsHarness _glue = new();

    public async Task InitializeAsync() => await _glue.Jobs.CreateAsync("etl", JobsHarness.Definition(timeout: 10));

    public async Task DisposeAsync() => await _glue.DisposeAsync();

    [Fact]
    public async Task A_run_that_finishes_succeeds_with_its_execution_time()
    {
        var id = await _glue.StartAsync("etl", new() { ["--partitions"] = "[]" });
        await _glue.Script.Started.Task;
        var running = await _glue.Jobs.GetRunAsync("etl", id);
        _glue.Time.Advance(TimeSpan.FromSeconds(42));
        _glue.Script.Finish();
        await _glue.Jobs.WaitForRunAsync(id);
        var done = await _glue.Jobs.GetRunAsync("etl", id);

        Assert.Matches("^jr_[0-9a-f]{64}$", id);
        Assert.Equal(JobRunStateValues.Running, running.JobRunState);
        Assert.Equal(JobRunStateValues.Succeeded, done.JobRunState);
        Assert.Equal(42, done.ExecutionTime);
        Assert.Equal(done.StartedOn + TimeSpan.FromSeconds(42), done.CompletedOn);
        Assert.Equal(10, done.Timeout);
        Assert.Equal("G.1X", done.WorkerType);
        Assert.Equal("/aws-glue/jobs", done.LogGroupName);
        Assert.Equal("[]", done.Arguments!["--partitions"]);
        Assert.Null(done.ErrorMessage);
    }

    [Fact]
    public async Task A_run_whose_script_throws_fails_with_the_message()
    {
        _glue.Script.Failure = new InvalidOperationException("the raw table is missing");
        var id = await _glue.StartAsync("etl");
        _glue.Script.Finish();
        await _glue.Jobs.WaitForRunAsync(id);
        var run = await _glue.Jobs.GetRunAsync("etl", id);

        Assert.Equal(JobRunStateValues.Failed, run.JobRunState);
        Assert.Equal("the raw table is missing", run.ErrorMessage);
        Assert.NotNull(run.CompletedOn);
    }

    [Fact]
    public async Task A_stopped_run_goes_through_stopping_to_stopped()
    {
        var id = await _glue.StartAsync("etl");
        await _glue.Script.Started.Task;
        var result = await _glue.Jobs.StopRunsAsync("etl", [id, "jr_unknown"]);
        await _glue.Jobs.WaitForRunAsync(id);
        var run = await _glue.Jobs.GetRunAsync("etl", id);
        var again = await _glue.Jobs.StopRunsAsync("etl", [id]);

        Assert.Equal(id, Assert.Single(result.SuccessfulSubmissions!).JobRunId);
        Assert.Equal("EntityNotFoundException", Assert.Single(result.Errors!).ErrorDetail!.ErrorCode);
        Assert.Equal(JobRunStateValues.Stopped, run.JobRunState);
        Assert.Equal("InvalidInputException", Assert.Single(again.Errors!).ErrorDetail!.ErrorCode);
    }

    [Fact]
    public async Task A_run_past_its_timeout_times_out()
    {
        var id = await _glue.StartAsync("etl");
        await _glue.Script.Started.Task;
        _glue.Time.Advance(TimeSpan.FromMinutes(9));
        var before = await _glue.Jobs.GetRunAsync("etl", id);
        _glue.Time.Advance(TimeSpan.FromMinutes(1));
        await _glue.Jobs.WaitForRunAsync(id);
        var run = await _glue.Jobs.GetRunAsync("etl", id);

        Assert.Equal(JobRunStateValues.Running, before.JobRunState);
        Assert.Equal(JobRunStateValues.Timeout, run.JobRunState);
        Assert.Equal(600, run.ExecutionTime);
        Assert.Contains("timed out", run.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_run_timeout_overrides_the_jobs()
    {
        var id = await _glue.Jobs.StartRunAsync(new StartJobRunRequest { JobName = "etl", Timeout = 1 });
        await _glue.Script.Started.Task;
        _glue.Time.Advance(TimeSpan.FromMinutes(1));
        await _glue.Jobs.WaitForRunAsync(id);

        Assert.Equal(JobRunStateValues.Timeout, (await _glue.Jobs.GetRunAsync("etl", id)).JobRunState);
    }

    [Fact]
    public async Task A_run_in_progress_when_LocalCloud_stops_is_failed_after_the_restart()
    {
        var id = await _glue.StartAsync("etl");
        await _glue.Script.Started.Task;
        await _glue.RestartAsync();
        await _glue.Jobs.RecoverAsync();
        var run = await _glue.Jobs.GetRunAsync("etl", id);

        Assert.Equal(JobRunStateValues.Failed, run.JobRunState);
        Assert.Equal(GlueJobs.InterruptedMessage, run.ErrorMessage);
        Assert.Contains(_glue.Events.Events, e => e.DetailJson.Contains(id, StringComparison.Ordinal) && e.DetailJson.Contains("\"FAILED\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Runs_are_listed_newest_first_in_pages()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await _glue.StartAsync("etl"));
            await _glue.Jobs.StopRunsAsync("etl", [ids[^1]]);
            await _glue.Jobs.WaitForRunAsync(ids[^1]);
            _glue.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await _glue.Jobs.GetRunsAsync("etl", null, 2);
        var second = await _glue.Jobs.GetRunsAsync("etl", first.NextToken, 2);

        Assert.Equal([ids[2], ids[1]], first.Items.Select(r => r.Id));
        Assert.Equal([ids[0]], second.Items.Select(r => r.Id));
        Assert.Null(second.NextToken);
    }

    [Fact]
    public async Task An_unknown_run_is_not_found()
    {
        var error = await Assert.ThrowsAsync<Pipeline.LocalCloud.Hosting.AwsServiceException>(() => _glue.Jobs.GetRunAsync("etl", "jr_nope"));

        Assert.Equal("EntityNotFoundException", error.Code);
    }
}
