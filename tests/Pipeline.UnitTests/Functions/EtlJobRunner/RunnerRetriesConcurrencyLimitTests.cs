using Pipeline.Aws;
using Pipeline.Aws.Glue;
using Pipeline.EtlJobRunner.Running;

namespace Pipeline.UnitTests.Functions.EtlJobRunner;

/// <summary>ConcurrentRunsExceededException is retried with doubling backoff for up to ~30 s, then the invocation fails.</summary>
public sealed class RunnerRetriesConcurrencyLimitTests
{
    private static AwsServiceException Concurrent() =>
        FakeGlueClient.Error("StartJobRun", GlueErrorCodes.ConcurrentRunsExceeded, "Concurrent runs exceeded for pipeline-test-vehicle_telemetry-etl");

    [Fact]
    public async Task The_run_starts_once_a_slot_frees_up()
    {
        var fixture = new RunnerFixture();
        fixture.Glue.StartJobRunErrors.Enqueue(Concurrent());
        fixture.Glue.StartJobRunErrors.Enqueue(Concurrent());
        fixture.Glue.StartJobRunErrors.Enqueue(Concurrent());

        var outcome = await fixture.Starter.HandleAsync(RunnerFixture.Event("glue-crawler-state-change-succeeded.json"), null, CancellationToken.None);

        Assert.Equal(RunnerAction.Started, outcome.Action);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], fixture.Delays);
        Assert.Equal(4, fixture.Glue.Calls.Count(c => c.StartsWith("StartJobRun", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_limit_that_persists_past_the_budget_fails_the_invocation()
    {
        var fixture = new RunnerFixture();
        fixture.Glue.StartJobRunAlwaysFails = Concurrent;

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => fixture.Starter.HandleAsync(RunnerFixture.Event("glue-crawler-state-change-succeeded.json"), null, CancellationToken.None));

        Assert.Equal(GlueErrorCodes.ConcurrentRunsExceeded, error.ErrorCode);
        Assert.Equal([1, 2, 4, 8, 8], fixture.Delays.Select(d => d.TotalSeconds));
        Assert.True(fixture.Delays.Sum(d => d.TotalSeconds) <= 30);
        Assert.Empty(fixture.Glue.StartedJobRuns);
    }

    [Fact]
    public async Task Other_errors_are_not_retried()
    {
        var fixture = new RunnerFixture();
        fixture.Glue.StartJobRunAlwaysFails = () => FakeGlueClient.Error("StartJobRun", GlueErrorCodes.EntityNotFound, "Job not found");

        await Assert.ThrowsAsync<AwsServiceException>(() => fixture.Starter.HandleAsync(RunnerFixture.Event("glue-crawler-state-change-succeeded.json"), null, CancellationToken.None));

        Assert.Empty(fixture.Delays);
        Assert.Single(fixture.Glue.Calls, c => c.StartsWith("StartJobRun", StringComparison.Ordinal));
    }
}
