using Pipeline.EtlJobRunner.Running;

namespace Pipeline.UnitTests.Functions.EtlJobRunner;

/// <summary>
/// A crawl reports only the partitions it created, so the runner names none: every successful crawl of a new event
/// starts a run over the whole raw table, and the job's bookmark skips what earlier runs read.
/// </summary>
public sealed class RunnerStartsARunForEverySuccessfulCrawlTests
{
    [Fact]
    public async Task Each_new_success_event_starts_a_run_without_partitions_and_without_reading_the_catalog()
    {
        var fixture = new RunnerFixture();

        var first = await fixture.Starter.HandleAsync(RunnerFixture.Event("glue-crawler-state-change-succeeded.json"), null, CancellationToken.None);
        var second = await fixture.Starter.HandleAsync(
            RunnerFixture.Event("glue-crawler-state-change-succeeded.json", edit: json => json["id"] = "a-later-crawl"),
            null,
            CancellationToken.None);

        Assert.Equal([RunnerAction.Started, RunnerAction.Started], [first.Action, second.Action]);
        Assert.NotEqual(first.JobRunId, second.JobRunId);
        Assert.All(fixture.Glue.StartedJobRuns, run => Assert.False(run.Arguments!.ContainsKey("--partitions")));
        Assert.Equal(["3d675db5-59b9-6388-b8e8-e0a9b6d567a9", "a-later-crawl"], fixture.Glue.StartedJobRuns.Select(run => run.Arguments!["--source_event_id"]));
        Assert.DoesNotContain(fixture.Glue.Calls, call => call.StartsWith("GetPartitions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_dataset_comes_from_the_crawler_name()
    {
        var fixture = new RunnerFixture();

        var outcome = await fixture.Starter.HandleAsync(
            RunnerFixture.Event("glue-crawler-state-change-succeeded.json", $"{FunctionEvents.Prefix}-clickstream-raw"),
            null,
            CancellationToken.None);

        Assert.Equal(RunnerAction.Started, outcome.Action);
        Assert.Equal("clickstream", outcome.Dataset);
        var run = Assert.Single(fixture.Glue.StartedJobRuns);
        Assert.Equal($"{FunctionEvents.Prefix}-clickstream-etl", run.JobName);
        Assert.Equal("clickstream", run.Arguments!["--dataset"]);
    }
}
