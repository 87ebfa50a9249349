using Pipeline.Aws.Glue;
using Pipeline.EtlJobRunner.Running;

namespace Pipeline.UnitTests.Functions.EtlJobRunner;

/// <summary>EventBridge delivers at least once: a run already carrying the event's id means no second run.</summary>
public sealed class RunnerSkipsDuplicateEventsTests
{
    private const string EventId = "3d675db5-59b9-6388-b8e8-e0a9b6d567a9";

    private static JobRun Run(string id, string? sourceEventId) => new()
    {
        Id = id,
        JobName = RunnerFixture.Job,
        Arguments = sourceEventId is null ? null : new Dictionary<string, string> { ["--source_event_id"] = sourceEventId },
    };

    [Fact]
    public async Task A_run_of_the_same_event_on_a_later_page_is_found_and_nothing_starts()
    {
        var fixture = new RunnerFixture();
        fixture.Glue.JobRuns[RunnerFixture.Job] = [Run("jr_new", "other-event"), Run("jr_mid", null), Run("jr_dup", EventId)];

        var outcome = await fixture.Starter.HandleAsync(RunnerFixture.Event("glue-crawler-state-change-succeeded.json"), null, CancellationToken.None);

        Assert.Equal(RunnerAction.Duplicate, outcome.Action);
        Assert.Equal("jr_dup", outcome.JobRunId);
        Assert.Empty(fixture.Glue.StartedJobRuns);
        Assert.Equal(2, fixture.Glue.Calls.Count(c => c.StartsWith("GetJobRuns", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Delivering_the_same_event_twice_starts_one_run()
    {
        var fixture = new RunnerFixture();
        var crawlerEvent = RunnerFixture.Event("glue-crawler-state-change-succeeded.json");

        var first = await fixture.Starter.HandleAsync(crawlerEvent, null, CancellationToken.None);
        fixture.Glue.JobRuns[RunnerFixture.Job] = [new JobRun { Id = first.JobRunId!, Arguments = fixture.Glue.StartedJobRuns[0].Arguments }];
        var second = await fixture.Starter.HandleAsync(crawlerEvent, null, CancellationToken.None);

        Assert.Equal(RunnerAction.Started, first.Action);
        Assert.Equal(RunnerAction.Duplicate, second.Action);
        Assert.Equal(first.JobRunId, second.JobRunId);
        Assert.Single(fixture.Glue.StartedJobRuns);
    }

    [Fact]
    public async Task Runs_of_other_events_do_not_stop_a_new_run()
    {
        var fixture = new RunnerFixture();
        fixture.Glue.JobRuns[RunnerFixture.Job] = [Run("jr_a", "event-a"), Run("jr_b", "event-b"), Run("jr_c", "event-c")];

        var outcome = await fixture.Starter.HandleAsync(RunnerFixture.Event("glue-crawler-state-change-succeeded.json"), null, CancellationToken.None);

        Assert.Equal(RunnerAction.Started, outcome.Action);
    }
}
