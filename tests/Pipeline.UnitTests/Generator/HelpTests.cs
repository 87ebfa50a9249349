using Pipeline.UnitTests.Generator.Fakes;

namespace Pipeline.UnitTests.Generator;

/// <summary>--help explains the options and what the exit codes mean.</summary>
public sealed class HelpTests
{
    [Fact]
    public async Task Help_documents_the_exit_codes()
    {
        var run = await CommandRun.RunAsync(["--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("some records finally failed", run.Error);
        Assert.Contains("--invalid-ratio", run.Error);
    }
}
