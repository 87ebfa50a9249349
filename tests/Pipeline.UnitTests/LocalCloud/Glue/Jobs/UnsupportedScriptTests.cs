using Pipeline.LocalCloud.Glue.Jobs;
using Pipeline.AwsShapes.Glue;

namespace Pipeline.UnitTests.LocalCloud.Glue.Jobs;

/// <summary>LocalCloud runs only pipeline_etl.py: any other script fails the run with a message naming it.</summary>
public sealed class UnsupportedScriptTests
{
    [Theory]
    [InlineData("s3://scripts/other_job.py")]
    [InlineData("s3://scripts/pipeline_etl.py.bak")]
    [InlineData("s3://scripts/pipeline_etl.pyc")]
    public async Task Another_script_fails_the_run(string location)
    {
        await using var glue = new JobsHarness();
        await glue.Jobs.CreateAsync("etl", JobsHarness.Definition(script: location));
        var id = await glue.StartAsync("etl");
        await glue.Jobs.WaitForRunAsync(id);
        var run = await glue.Jobs.GetRunAsync("etl", id);

        Assert.Equal(JobRunStateValues.Failed, run.JobRunState);
        Assert.Equal($"Unsupported script '{location}': LocalCloud runs only pipeline_etl.py", run.ErrorMessage);
        Assert.False(glue.Script.Started.Task.IsCompleted);
        Assert.Contains(run.ErrorMessage!, File.ReadAllText(JobRunLog.PathFor(glue.Options.DataDirectory, "etl", id)), StringComparison.Ordinal);
    }
}
