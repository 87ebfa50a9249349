using Pipeline.Aws.Glue;
using Pipeline.EndToEndTests.Infrastructure;

namespace Pipeline.EndToEndTests.Faults;

/// <summary>
/// LocalCloud killed while the ETL job run has published its stage files but not yet moved its bookmark, the
/// moment where a naive retry would write every row twice. Started again, the run is FAILED with an error message
/// and retried as a new attempt; the retry dedupes against stage, so each record is there once.
/// </summary>
public sealed class KillDuringJobRunTests
{
    [Fact]
    public async Task A_job_run_cut_off_is_failed_with_a_message_and_retried_and_stage_holds_each_record_once()
    {
        await using var scenario = await FaultScenario.RunAsync("JobRunPublished", 400);

        await scenario.AssertStageHoldsEveryRecordOnceAsync(TimeSpan.FromSeconds(90));
        await scenario.AssertNothingStuckAsync(TimeSpan.FromSeconds(30));
        var runs = await scenario.JobRunsAsync();
        var interrupted = Assert.Single(runs, r => r.JobRunState == JobRunState.Failed);
        Assert.False(string.IsNullOrEmpty(interrupted.ErrorMessage));
        var retry = Assert.Single(runs, r => r.PreviousRunId == interrupted.Id);
        Assert.Equal(JobRunState.Succeeded, retry.JobRunState);
        Assert.Equal(interrupted.Attempt + 1, retry.Attempt);
    }
}
