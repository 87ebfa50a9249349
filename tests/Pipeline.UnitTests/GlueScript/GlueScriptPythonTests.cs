using Pipeline.UnitTests.Support;
using Xunit.Abstractions;

namespace Pipeline.UnitTests.GlueScript;

/// <summary>
/// The Glue job script's Python tests pass and both scripts compile; this is how <c>dotnet test</c> (and so
/// <c>.ci/run</c>) runs them. Without python3 the test says it could not run, and fails under CI.
/// </summary>
public sealed class GlueScriptPythonTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_glue_scripts_pass_their_unittest_suite()
    {
        var run = await RunAsync("-m", "unittest", "discover", "-s", "terraform/glue/tests", "-v");
        if (run is null)
        {
            return;
        }

        Assert.True(run.ExitCode == 0, $"python3 -m unittest failed with exit code {run.ExitCode}:\n{run.Output}");
        Assert.Contains("SharedVectorsTests", run.Output, StringComparison.Ordinal);

        // main() run the way Glue starts it (terraform/glue/tests/test_glue_starts_the_job.py): Glue's own argv, the
        // job's default arguments read from terraform/modules/etl/main.tf, the runner's run arguments.
        Assert.Contains("GlueStartsTheJobTests", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_job_script_and_its_helpers_compile()
    {
        var run = await RunAsync("-m", "py_compile", "terraform/glue/pipeline_etl.py", "terraform/glue/pipeline_flatten.py");
        if (run is null)
        {
            return;
        }

        Assert.True(run.ExitCode == 0, $"python3 -m py_compile failed with exit code {run.ExitCode}:\n{run.Output}");
    }

    private async Task<PythonRun?> RunAsync(params string[] arguments)
    {
        var run = await PythonRun.StartAsync(ReferenceFiles.RepositoryRoot, arguments);
        if (run is null)
        {
            const string reason = "python3 is not installed, so the Glue script's Python tests could not run";
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), reason);
            output.WriteLine($"Not run: {reason}.");
            return null;
        }

        output.WriteLine(run.Output);
        return run;
    }
}
