using Pipeline.LocalCloud.Glue.Jobs;
using Pipeline.AwsShapes.Glue;

namespace Pipeline.UnitTests.LocalCloud.Glue.Jobs;

/// <summary>
/// A FAILED run is retried as Glue retries it: a new run <c>&lt;id&gt;_attempt_&lt;n&gt;</c> with the same arguments,
/// up to the job's MaxRetries; a run a crash cut off is failed with a message and retried whatever MaxRetries says.
/// </summary>
public sealed class GlueJobRetryTests : IAsyncDisposable
{
    private readonly JobsHarness _glue = new();

    [Fact]
    public async Task A_run_cut_off_by_a_restart_is_failed_and_retried_with_its_arguments()
    {
        await _glue.Jobs.CreateAsync("etl", JobsHarness.Definition());
        var id = await _glue.StartAsync("etl", new() { ["--source_event_id"] = "e-1" });
        await _glue.Script.Started.Task;

        await _glue.RestartAsync();
        var retries = await _glue.Jobs.RecoverAsync();
        var context = await _glue.Script.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _glue.Script.Finish();
        var retryId = Assert.Single(retries);
        await _glue.Jobs.WaitForRunAsync(retryId);
        var failed = await _glue.Jobs.GetRunAsync("etl", id);
        var retry = await _glue.Jobs.GetRunAsync("etl", retryId);

        Assert.Equal($"{id}_attempt_1", retryId);
        Assert.Equal(retryId, context.JobRunId);
        Assert.Equal(JobRunStateValues.Failed, failed.JobRunState);
        Assert.Equal(GlueJobs.InterruptedMessage, failed.ErrorMessage);
        Assert.Equal(JobRunStateValues.Succeeded, retry.JobRunState);
        Assert.Equal(1, retry.Attempt);
        Assert.Equal(id, retry.PreviousRunId);
        Assert.Equal("e-1", retry.Arguments!["--source_event_id"]);
    }

    [Fact]
    public async Task A_failed_run_is_retried_up_to_MaxRetries_and_no_further()
    {
        await _glue.Jobs.CreateAsync("etl", JobsHarness.Definition() with { MaxRetries = 1 });
        _glue.Script.Failure = new InvalidOperationException("the script broke");
        var id = await _glue.StartAsync("etl");
        _glue.Script.Finish();

        var retry = await Eventually(async () => (await _glue.Jobs.GetRunsAsync("etl", null, null)).Items, runs => runs.Count == 2 && runs.All(r => r.JobRunState == JobRunStateValues.Failed));
        await Task.Delay(200);
        var runs = (await _glue.Jobs.GetRunsAsync("etl", null, null)).Items;

        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal("the script broke", r.ErrorMessage));
        Assert.Equal(id, runs.Single(r => r.Attempt == 1).PreviousRunId);
        Assert.Equal(2, retry.Count);
    }

    [Fact]
    public async Task Without_MaxRetries_a_failed_run_stays_the_only_run()
    {
        await _glue.Jobs.CreateAsync("etl", JobsHarness.Definition());
        _glue.Script.Failure = new InvalidOperationException("the script broke");
        var id = await _glue.StartAsync("etl");
        _glue.Script.Finish();
        await _glue.Jobs.WaitForRunAsync(id);
        await Task.Delay(200);

        var run = Assert.Single((await _glue.Jobs.GetRunsAsync("etl", null, null)).Items);
        Assert.Equal(JobRunStateValues.Failed, run.JobRunState);
    }

    public ValueTask DisposeAsync() => _glue.DisposeAsync();

    private static async Task<T> Eventually<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(10);
        }
    }
}
