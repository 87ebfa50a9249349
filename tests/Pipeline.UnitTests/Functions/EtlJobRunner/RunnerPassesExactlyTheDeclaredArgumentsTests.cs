using System.Reflection;
using Pipeline.EtlJobRunner.Running;

namespace Pipeline.UnitTests.Functions.EtlJobRunner;

/// <summary>
/// The run arguments a started run gets are exactly the constants of <see cref="JobArguments"/>: the Glue script's test
/// of Glue's start (terraform/glue/tests/test_glue_starts_the_job.py) reads that file to know what the runner passes.
/// </summary>
public sealed class RunnerPassesExactlyTheDeclaredArgumentsTests
{
    [Fact]
    public async Task A_traced_run_gets_every_declared_argument_and_no_other()
    {
        var declared = typeof(JobArguments)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);
        var fixture = new RunnerFixture();

        await fixture.Starter.HandleAsync(RunnerFixture.Event("glue-crawler-state-change-succeeded.json"), RunnerFixture.TraceParentValue, CancellationToken.None);

        var request = Assert.Single(fixture.Glue.StartedJobRuns);
        Assert.Equal(declared, request.Arguments!.Keys.Order(StringComparer.Ordinal));
    }
}
