using Pipeline.Aws.Glue;
using Pipeline.Contracts.Aws.EventBridge;
using Pipeline.Notifier.Notifying;

namespace Pipeline.UnitTests.Functions.Notifier;

/// <summary>Every AWS sample job event reads into the contract and gets the documented answer.</summary>
public sealed class NotifierAnswersReferenceEventsTests
{
    [Theory]
    [InlineData("glue-job-state-change-succeeded.json", GlueJobRunState.Succeeded)]
    [InlineData("glue-job-state-change-failed.json", GlueJobRunState.Failed)]
    [InlineData("glue-job-state-change-stopped.json", GlueJobRunState.Stopped)]
    [InlineData("glue-job-state-change-timeout.json", GlueJobRunState.Timeout)]
    public async Task A_job_of_another_deployment_is_ignored_without_any_call(string file, GlueJobRunState state)
    {
        var fixture = new NotifierFixture();
        var jobEvent = FunctionEvents.Job(FunctionEvents.ReferenceText(file));

        var outcome = await fixture.Notifier.HandleAsync(jobEvent, CancellationToken.None);

        Assert.Equal(state, jobEvent.Detail.State);
        Assert.Equal("MyJob", jobEvent.Detail.JobName);
        Assert.StartsWith("jr_", jobEvent.Detail.JobRunId);
        Assert.Equal(NotifierAction.Ignored, outcome.Action);
        Assert.Empty(fixture.Glue.Calls);
        Assert.Empty(fixture.Sns.Published);
    }

    [Theory]
    [InlineData("glue-job-state-change-succeeded.json", JobRunState.Succeeded, "SUCCEEDED")]
    [InlineData("glue-job-state-change-failed.json", JobRunState.Failed, "FAILED")]
    [InlineData("glue-job-state-change-stopped.json", JobRunState.Stopped, "STOPPED")]
    [InlineData("glue-job-state-change-timeout.json", JobRunState.Timeout, "TIMEOUT")]
    public async Task Each_final_state_of_our_job_publishes_one_notification_to_the_topic(string file, JobRunState runState, string state)
    {
        var fixture = new NotifierFixture();
        var jobEvent = fixture.Event(file, runState);

        var outcome = await fixture.Notifier.HandleAsync(jobEvent, CancellationToken.None);

        Assert.Equal(NotifierAction.Published, outcome.Action);
        var published = Assert.Single(fixture.Sns.Published);
        Assert.Equal(NotifierFixture.Topic, published.TopicArn);
        Assert.Equal($"[pipeline] vehicle_telemetry ETL {state}", published.Subject);
        Assert.Contains($"State:              {state}", published.Message);
        Assert.Contains($"Run id:             {jobEvent.Detail.JobRunId}", published.Message);
        Assert.Equal([$"GetJobRun {NotifierFixture.Job} {jobEvent.Detail.JobRunId}"], fixture.Glue.Calls);
        Assert.Equal([$"{NotifierFixture.Bucket}/job-runs/{NotifierFixture.Job}/{jobEvent.Detail.JobRunId}.json"], fixture.Objects.Reads);
    }
}
