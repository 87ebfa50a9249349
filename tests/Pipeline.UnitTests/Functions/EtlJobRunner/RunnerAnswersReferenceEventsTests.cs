using Microsoft.Extensions.Logging;
using Pipeline.Contracts.Aws.EventBridge;
using Pipeline.EtlJobRunner.Running;

namespace Pipeline.UnitTests.Functions.EtlJobRunner;

/// <summary>The AWS sample crawler events read into the contract and get the documented answer.</summary>
public sealed class RunnerAnswersReferenceEventsTests
{
    [Fact]
    public void The_sample_success_event_reads_with_its_string_counts()
    {
        var crawlerEvent = FunctionEvents.Crawler(FunctionEvents.ReferenceText("glue-crawler-state-change-succeeded.json"));

        Assert.Equal("3d675db5-59b9-6388-b8e8-e0a9b6d567a9", crawlerEvent.Id);
        Assert.Equal(GlueCrawlerStateChange.DetailType, crawlerEvent.DetailType);
        Assert.Equal(GlueCrawlerState.Succeeded, crawlerEvent.Detail.State);
        Assert.Equal("7", crawlerEvent.Detail.RunningTimeSeconds);
        Assert.Equal("2017-11-11T01:25:00Z", crawlerEvent.Detail.CompletionDate);
    }

    [Theory]
    [InlineData("glue-crawler-state-change-succeeded.json")]
    [InlineData("glue-crawler-state-change-failed.json")]
    [InlineData("glue-crawler-state-change-started.json")]
    public async Task A_crawler_of_another_deployment_is_ignored_with_a_log_and_no_Glue_call(string file)
    {
        var fixture = new RunnerFixture();

        var outcome = await fixture.Starter.HandleAsync(FunctionEvents.Crawler(FunctionEvents.ReferenceText(file)), RunnerFixture.TraceParentValue, CancellationToken.None);

        Assert.Equal(RunnerAction.Ignored, outcome.Action);
        Assert.Empty(fixture.Glue.Calls);
        Assert.True(fixture.Log.Logged(LogLevel.Information, "not a raw crawler"));
    }

    [Fact]
    public async Task A_crawler_of_another_prefix_is_ignored()
    {
        var fixture = new RunnerFixture();

        var outcome = await fixture.Starter.HandleAsync(RunnerFixture.Event("glue-crawler-state-change-succeeded.json", "pipeline-other-vehicle_telemetry-raw"), null, CancellationToken.None);

        Assert.Equal(RunnerAction.Ignored, outcome.Action);
        Assert.Empty(fixture.Glue.Calls);
    }

    [Fact]
    public async Task The_started_state_of_our_crawler_starts_nothing()
    {
        var fixture = new RunnerFixture();

        var outcome = await fixture.Starter.HandleAsync(RunnerFixture.Event("glue-crawler-state-change-started.json"), null, CancellationToken.None);

        Assert.Equal(RunnerAction.Ignored, outcome.Action);
        Assert.Empty(fixture.Glue.Calls);
    }

    [Fact]
    public async Task A_failed_crawl_is_logged_as_an_error_and_fails_the_invocation_without_a_job_run()
    {
        var fixture = new RunnerFixture();

        var error = await Assert.ThrowsAsync<CrawlFailedException>(() => fixture.Starter.HandleAsync(RunnerFixture.Event("glue-crawler-state-change-failed.json"), null, CancellationToken.None));

        Assert.Equal(RunnerFixture.Crawler, error.Crawler);
        Assert.Contains("Internal Service Exception", error.Message);
        Assert.True(fixture.Log.Logged(LogLevel.Error, "Internal Service Exception"));
        Assert.Empty(fixture.Glue.Calls);
    }

    [Fact]
    public async Task The_sample_success_of_our_crawler_starts_the_job_with_the_documented_arguments()
    {
        var fixture = new RunnerFixture();

        var outcome = await fixture.Starter.HandleAsync(RunnerFixture.Event("glue-crawler-state-change-succeeded.json"), RunnerFixture.TraceParentValue, CancellationToken.None);

        Assert.Equal(RunnerAction.Started, outcome.Action);
        var request = Assert.Single(fixture.Glue.StartedJobRuns);
        Assert.Equal(RunnerFixture.Job, request.JobName);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["--dataset"] = "vehicle_telemetry",
                ["--traceparent"] = RunnerFixture.TraceParentValue,
                ["--source_event_id"] = "3d675db5-59b9-6388-b8e8-e0a9b6d567a9",
            },
            request.Arguments);
        Assert.Equal("jr_0001", outcome.JobRunId);
        Assert.Equal([$"GetJobRuns {RunnerFixture.Job}", $"StartJobRun {RunnerFixture.Job}"], fixture.Glue.Calls);
    }
}
