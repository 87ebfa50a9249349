using System.Text.Json;
using Pipeline.Aws.Glue;
using Pipeline.EtlJobRunner.Running;

namespace Pipeline.UnitTests.Functions.EtlJobRunner;

/// <summary>
/// <c>--partitions</c>: the raw partitions created by this crawl (CreationTime ≥ completion − running time) or whose
/// hour lies within <c>etl_partition_lookback_hours</c> (48) of the completion, across every GetPartitions page.
/// </summary>
public sealed class RunnerSelectsPartitionsTests
{
    [Fact]
    public async Task Partitions_created_by_the_crawl_or_within_the_lookback_are_selected_sorted()
    {
        var fixture = new RunnerFixture();
        var old = RunnerFixture.Completion.AddDays(-30);
        fixture.AddPartition("2017", "11", "11", "01", RunnerFixture.Completion.AddSeconds(-5)); // this crawl, recent
        fixture.AddPartition("2017", "11", "09", "01", old);                                    // overlaps the window's start (01:25)
        fixture.AddPartition("2017", "11", "09", "00", old);                                    // ends at 01:00, before the window
        fixture.AddPartition("2017", "10", "01", "00", RunnerFixture.Completion.AddSeconds(-2)); // late data, created by this crawl
        fixture.AddPartition("2017", "11", "12", "00", old);                                    // after the completion
        fixture.AddPartition("2016", "01", "01", "00", RunnerFixture.Completion.AddSeconds(-60)); // before the crawl started

        var outcome = await fixture.Starter.HandleAsync(RunnerFixture.Event("glue-crawler-state-change-succeeded.json"), null, CancellationToken.None);

        string[] expected = ["year=2017/month=10/day=01/hour=00", "year=2017/month=11/day=09/hour=01", "year=2017/month=11/day=11/hour=01"];
        Assert.Equal(expected, outcome.Partitions);
        Assert.Equal(expected, JsonSerializer.Deserialize(fixture.Glue.StartedJobRuns.Single().Arguments!["--partitions"], RunnerJsonContext.Default.StringArray));
        Assert.Equal(3, fixture.Glue.Calls.Count(c => c.StartsWith("GetPartitions", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_partition_is_placed_by_its_location_when_its_values_do_not_match_the_layout()
    {
        var fixture = new RunnerFixture();
        fixture.Glue.Partitions[RunnerFixture.RawTable].Add(new Partition
        {
            Values = ["2017", "11"],
            CreationTime = RunnerFixture.Completion,
            StorageDescriptor = new StorageDescriptor { Location = "s3://pipeline-test-data-lake/raw/vehicle_telemetry/year=2017/month=11/day=11/hour=01/" },
        });

        var outcome = await fixture.Starter.HandleAsync(RunnerFixture.Event("glue-crawler-state-change-succeeded.json"), null, CancellationToken.None);

        Assert.Equal(["year=2017/month=11/day=11/hour=01"], outcome.Partitions);
    }

    [Fact]
    public async Task A_crawl_that_leaves_nothing_to_process_starts_no_run()
    {
        var fixture = new RunnerFixture();
        fixture.AddPartition("2016", "01", "01", "00", RunnerFixture.Completion.AddDays(-400));

        var outcome = await fixture.Starter.HandleAsync(RunnerFixture.Event("glue-crawler-state-change-succeeded.json"), null, CancellationToken.None);

        Assert.Equal(RunnerAction.NoPartitions, outcome.Action);
        Assert.Empty(fixture.Glue.StartedJobRuns);
    }

    [Fact]
    public async Task A_missing_raw_table_fails_the_invocation()
    {
        var fixture = new RunnerFixture();
        fixture.Glue.Partitions.Clear();

        var error = await Assert.ThrowsAsync<Pipeline.Aws.AwsServiceException>(() => fixture.Starter.HandleAsync(RunnerFixture.Event("glue-crawler-state-change-succeeded.json"), null, CancellationToken.None));

        Assert.Equal(GlueErrorCodes.EntityNotFound, error.ErrorCode);
        Assert.Empty(fixture.Glue.StartedJobRuns);
    }

    [Theory]
    [InlineData("year=2026/month=11/day=22/hour=05", "2026-11-22T05:00:00Z", 1)]
    [InlineData("year=2026/month=11/day=22", "2026-11-22T00:00:00Z", 24)]
    [InlineData("year=2026/month=02", "2026-02-01T00:00:00Z", 672)]
    public void A_partition_path_covers_its_hour_day_or_month(string path, string start, int hours)
    {
        var range = RawPartitionLayout.TimeRangeOf(path);

        Assert.NotNull(range);
        Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), range.Value.Start);
        Assert.Equal(TimeSpan.FromHours(hours), range.Value.Length);
    }

    [Theory]
    [InlineData("vendor=x/event_date=2026-11-22")]
    [InlineData("year=2026/month=13")]
    public void A_path_without_a_valid_year_and_month_has_no_time(string path) =>
        Assert.Null(RawPartitionLayout.TimeRangeOf(path));
}
