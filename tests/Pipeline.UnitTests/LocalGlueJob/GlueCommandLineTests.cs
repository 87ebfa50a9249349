using Pipeline.LocalGlueJob;

namespace Pipeline.UnitTests.LocalGlueJob;

/// <summary>The command line LocalCloud gives the job, as Glue gives a script: <c>--key value</c> pairs, Glue's own among them.</summary>
public sealed class GlueCommandLineTests
{
    [Fact]
    public void Pairs_become_arguments_with_their_dashes()
    {
        var arguments = EtlArguments.FromCommandLine(["--JOB_ID", "j_1", "--JOB_RUN_ID", "jr_2", "--JOB_NAME", "etl", "--partitions", "[\"year=2026\"]", "--dataset", "clicks"]);

        Assert.Equal("jr_2", arguments["--JOB_RUN_ID"]);
        Assert.Equal("etl", arguments["--JOB_NAME"]);
        Assert.Equal("[\"year=2026\"]", arguments["--partitions"]);
        Assert.Equal("clicks", arguments["--dataset"]);
        Assert.Equal(5, arguments.Count);
    }

    [Fact]
    public void An_empty_value_is_kept()
    {
        var arguments = EtlArguments.FromCommandLine(["--source_event_id", ""]);

        Assert.Equal(string.Empty, arguments["--source_event_id"]);
    }

    [Theory]
    [InlineData("dataset", "clicks")]
    [InlineData("--dataset")]
    [InlineData("--", "x")]
    public void A_malformed_command_line_is_refused(params string[] args)
    {
        Assert.Throws<FormatException>(() => EtlArguments.FromCommandLine(args));
    }
}
