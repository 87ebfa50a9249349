using Pipeline.LambdaRuntime;
using Pipeline.UnitTests.LambdaRuntime.Fakes;
using Xunit;

namespace Pipeline.UnitTests.LambdaRuntime;

/// <summary>Without a usable <c>AWS_LAMBDA_RUNTIME_API</c> the runtime says so and exits non-zero, before initialising.</summary>
public sealed class MissingRuntimeApiTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("127.0.0.1:9001/extra/path")]
    public async Task Exits_with_a_clear_message(string? runtimeApi)
    {
        var environment = new FakeEnvironmentVariables { [LambdaEnvironmentVariables.RuntimeApi] = runtimeApi };
        var log = new StringWriter();
        var initialised = false;

        var exitCode = await LambdaBootstrap.RunAsync<Greeting, Reply>(
            _ =>
            {
                initialised = true;
                return Task.FromResult<Func<Greeting, LambdaContext, CancellationToken, Task<Reply>>>((_, _, _) => Task.FromResult(new Reply("unused")));
            },
            TestJsonContext.Default.Greeting,
            TestJsonContext.Default.Reply,
            new LambdaRuntimeOptions { Environment = environment, Log = log });

        Assert.Equal((int)LambdaExitCode.ConfigurationMissing, exitCode);
        Assert.Contains(LambdaEnvironmentVariables.RuntimeApi, log.ToString(), StringComparison.Ordinal);
        Assert.False(initialised);
    }
}
