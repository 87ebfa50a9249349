using Pipeline.LocalCloud.Glue.Jobs;

namespace Pipeline.UnitTests.LocalCloud.Glue.Jobs;

/// <summary>A run's arguments are the job's defaults, with the run's on top and the non-overridable ones last.</summary>
public sealed class JobArgumentsTests
{
    [Fact]
    public void Run_arguments_override_defaults_and_add_new_ones()
    {
        var merged = JobArguments.Merge(
            new Dictionary<string, string> { ["--dataset"] = "clickstream", ["--output_compression"] = "snappy" },
            new Dictionary<string, string> { ["--output_compression"] = "gzip", ["--partitions"] = "[]" });

        Assert.Equal(
            new Dictionary<string, string> { ["--dataset"] = "clickstream", ["--output_compression"] = "gzip", ["--partitions"] = "[]" },
            merged);
    }

    [Fact]
    public void Non_overridable_arguments_win()
    {
        var merged = JobArguments.Merge(null, new Dictionary<string, string> { ["--stage_path"] = "s3://elsewhere/" }, new Dictionary<string, string> { ["--stage_path"] = "s3://lake/stage/x/" });

        Assert.Equal("s3://lake/stage/x/", merged["--stage_path"]);
    }

    [Fact]
    public async Task The_script_gets_the_merged_arguments_while_the_run_shows_its_own()
    {
        await using var glue = new JobsHarness();
        await glue.Jobs.CreateAsync("etl", JobsHarness.Definition());
        var id = await glue.StartAsync("etl", new() { ["--output_compression"] = "gzip" });
        var context = await glue.Script.Started.Task;
        var run = await glue.Jobs.GetRunAsync("etl", id);

        Assert.Equal("gzip", context.Arguments["--output_compression"]);
        Assert.Equal("clickstream", context.Arguments["--dataset"]);
        Assert.Equal(new Dictionary<string, string> { ["--output_compression"] = "gzip" }, run.Arguments);
    }
}
