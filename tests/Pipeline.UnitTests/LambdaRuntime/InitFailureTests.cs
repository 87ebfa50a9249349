using Pipeline.LambdaRuntime;
using Pipeline.UnitTests.LambdaRuntime.Fakes;
using Xunit;

namespace Pipeline.UnitTests.LambdaRuntime;

/// <summary>An initialiser that throws is reported to <c>/runtime/init/error</c> and the process exits non-zero.</summary>
public sealed class InitFailureTests
{
    [Fact]
    public async Task Posts_the_init_error_and_exits_without_asking_for_an_event()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        api.Enqueue(new QueuedInvocation("never-served", """{"name":"Ada"}"""));

        var exitCode = await LambdaBootstrap.RunAsync<Greeting, Reply>(
            _ => throw new InvalidOperationException("the configuration is broken"),
            TestJsonContext.Default.Greeting,
            TestJsonContext.Default.Reply,
            api.Options()).WaitAsync(FakeRuntimeApi.Patience);

        var post = await api.NextPostAsync();
        Assert.Equal((int)LambdaExitCode.InitializationFailed, exitCode);
        Assert.NotEqual(0, exitCode);
        Assert.Equal(PostKind.InitError, post.Kind);
        Assert.Equal("InvalidOperationException", post.ErrorTypeHeader);
        Assert.Equal(("InvalidOperationException", "the configuration is broken"), (post.ErrorType, post.ErrorMessage));
        Assert.DoesNotContain("next", api.Events);
    }

    [Fact]
    public async Task An_asynchronous_init_failure_is_reported_too()
    {
        await using var api = await FakeRuntimeApi.StartAsync();

        var exitCode = await LambdaBootstrap.RunAsync(InitializeAsync, api.Options()).WaitAsync(FakeRuntimeApi.Patience);

        var post = await api.NextPostAsync();
        Assert.Equal((int)LambdaExitCode.InitializationFailed, exitCode);
        Assert.Equal((PostKind.InitError, "TimeoutException", "the database never answered"), (post.Kind, post.ErrorType, post.ErrorMessage));
    }

    private static async Task<Func<ReadOnlyMemory<byte>, LambdaContext, CancellationToken, Task<ReadOnlyMemory<byte>>>> InitializeAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        throw new TimeoutException("the database never answered");
    }
}
