using Pipeline.Aws.Glue;
using Pipeline.Notifier.Notifying;

namespace Pipeline.UnitTests.Functions.Notifier;

/// <summary>The message says dataset, job, run id, state, duration, rows written, partitions, error and log link.</summary>
public sealed class NotifierReportsTheRunTests
{
    [Fact]
    public async Task A_successful_run_reports_the_summarys_rows_and_partitions()
    {
        var fixture = new NotifierFixture();
        var jobEvent = fixture.Event("glue-job-state-change-succeeded.json", JobRunState.Succeeded);
        fixture.PutSummary($"job-runs/{NotifierFixture.Job}/{jobEvent.Detail.JobRunId}.json", 12345, "vendor=Volvo/event_date=2026-11-22", "vendor=Scania/event_date=2026-11-22");

        await fixture.Notifier.HandleAsync(jobEvent, CancellationToken.None);

        var message = Assert.Single(fixture.Sns.Published).Message;
        Assert.Contains("Dataset:            vehicle_telemetry", message);
        Assert.Contains($"Job:                {NotifierFixture.Job}", message);
        Assert.Contains("Duration:           1 min 23 s", message);
        Assert.Contains("Rows written:       12,345", message);
        Assert.Contains("Partitions (2):\n  vendor=Volvo/event_date=2026-11-22\n  vendor=Scania/event_date=2026-11-22\n", message);
        Assert.Contains($"Log:                https://us-west-2.console.aws.amazon.com/cloudwatch/home?region=us-west-2#logsV2:log-groups/log-group/$252Faws-glue$252Fjobs$252Foutput/log-events/{jobEvent.Detail.JobRunId}", message);
        Assert.DoesNotContain("Error:", message);
    }

    [Fact]
    public async Task A_failed_run_reports_its_error_and_that_there_is_no_summary()
    {
        var fixture = new NotifierFixture();
        var jobEvent = fixture.Event("glue-job-state-change-failed.json", JobRunState.Failed, error: "AnalysisException: partition key event_date missing");

        await fixture.Notifier.HandleAsync(jobEvent, CancellationToken.None);

        var published = Assert.Single(fixture.Sns.Published);
        Assert.Equal("[pipeline] vehicle_telemetry ETL FAILED", published.Subject);
        Assert.Contains("Error:              AnalysisException: partition key event_date missing", published.Message);
        Assert.Contains("Rows written:       unknown", published.Message);
        Assert.Contains($"Run summary:        none (the run did not finish, so it wrote none) (s3://{NotifierFixture.Bucket}/job-runs/{NotifierFixture.Job}/{jobEvent.Detail.JobRunId}.json)", published.Message);
    }

    [Fact]
    public async Task The_runs_run_summary_path_argument_is_where_the_summary_is_read()
    {
        var fixture = new NotifierFixture();
        var jobEvent = fixture.Event("glue-job-state-change-succeeded.json", JobRunState.Succeeded, extraArguments: new() { ["--run_summary_path"] = "s3://other-bucket/summaries/" });

        await fixture.Notifier.HandleAsync(jobEvent, CancellationToken.None);

        Assert.Equal([$"other-bucket/summaries/{NotifierFixture.Job}/{jobEvent.Detail.JobRunId}.json"], fixture.Objects.Reads);
        Assert.Contains("Run summary:        missing", Assert.Single(fixture.Sns.Published).Message);
    }

    [Fact]
    public async Task A_summary_that_cannot_be_read_is_reported_and_the_notification_still_goes_out()
    {
        var fixture = new NotifierFixture();
        fixture.Objects.Error = new HttpRequestException("connection reset");
        var jobEvent = fixture.Event("glue-job-state-change-succeeded.json", JobRunState.Succeeded);

        await fixture.Notifier.HandleAsync(jobEvent, CancellationToken.None);

        Assert.Contains("could not be read (HttpRequestException: connection reset)", Assert.Single(fixture.Sns.Published).Message);
    }

    [Fact]
    public async Task The_local_log_template_gets_the_escaped_job_name_and_run_id()
    {
        var fixture = new NotifierFixture { LogTemplate = "file:///data/glue/job-logs/{job_name}/{job_run_id}.log" };
        var jobEvent = fixture.Event("glue-job-state-change-succeeded.json", JobRunState.Succeeded, job: "pipeline-test-odd name-etl");

        await fixture.Notifier.HandleAsync(jobEvent, CancellationToken.None);

        var published = Assert.Single(fixture.Sns.Published);
        Assert.Contains($"Log:                file:///data/glue/job-logs/pipeline-test-odd%20name-etl/{jobEvent.Detail.JobRunId}.log", published.Message);
    }

    [Fact]
    public async Task A_GetJobRun_failure_fails_the_invocation_and_publishes_nothing()
    {
        var fixture = new NotifierFixture();
        var jobEvent = fixture.Event("glue-job-state-change-succeeded.json", JobRunState.Succeeded);
        fixture.Glue.JobRuns.Clear();

        await Assert.ThrowsAsync<Pipeline.Aws.AwsServiceException>(() => fixture.Notifier.HandleAsync(jobEvent, CancellationToken.None));

        Assert.Empty(fixture.Sns.Published);
    }

    [Fact]
    public async Task A_duplicate_event_publishes_a_second_identical_notification()
    {
        var fixture = new NotifierFixture();
        var jobEvent = fixture.Event("glue-job-state-change-succeeded.json", JobRunState.Succeeded);

        await fixture.Notifier.HandleAsync(jobEvent, CancellationToken.None);
        await fixture.Notifier.HandleAsync(jobEvent, CancellationToken.None);

        Assert.Equal(2, fixture.Sns.Published.Count);
        Assert.Equal(fixture.Sns.Published[0], fixture.Sns.Published[1]);
    }
}
