using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Pipeline.LambdaRuntime;
using Pipeline.UnitTests.LambdaRuntime.Fakes;
using Xunit;

namespace Pipeline.UnitTests.LambdaRuntime;

/// <summary>A 500 from the Runtime API, or no Runtime API at all, is unrecoverable: the loop exits non-zero.</summary>
public sealed class RuntimeApiFailureTests
{
    [Fact]
    public async Task A_500_from_next_ends_the_loop()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        api.Enqueue(QueuedInvocation.Failing(StatusCodes.Status500InternalServerError));
        var log = new StringWriter();

        var exitCode = await LambdaBootstrap.RunAsync(
            (_, _, _) => Task.FromResult(ReadOnlyMemory<byte>.Empty),
            api.Options(log: TextWriter.Synchronized(log))).WaitAsync(FakeRuntimeApi.Patience);

        Assert.Equal((int)LambdaExitCode.RuntimeApiFailed, exitCode);
        Assert.Contains("500", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_500_from_response_ends_the_loop()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        api.PostStatus = _ => StatusCodes.Status500InternalServerError;
        api.Enqueue(new QueuedInvocation("doomed", "{}"));
        api.Enqueue(new QueuedInvocation("never-asked-for", "{}"));

        var exitCode = await LambdaBootstrap.RunAsync(
            (_, _, _) => Task.FromResult<ReadOnlyMemory<byte>>("{}"u8.ToArray()),
            api.Options()).WaitAsync(FakeRuntimeApi.Patience);

        Assert.Equal((int)LambdaExitCode.RuntimeApiFailed, exitCode);
        Assert.Equal(["next", "response:doomed"], api.Events);
    }

    [Fact]
    public async Task A_500_from_error_ends_the_loop()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        api.PostStatus = _ => StatusCodes.Status500InternalServerError;
        api.Enqueue(new QueuedInvocation("doomed", "{}"));

        var exitCode = await LambdaBootstrap.RunAsync(
            (_, _, _) => throw new InvalidOperationException("failing"),
            api.Options()).WaitAsync(FakeRuntimeApi.Patience);

        Assert.Equal((int)LambdaExitCode.RuntimeApiFailed, exitCode);
        Assert.Equal(["next", "error:doomed"], api.Events);
    }

    [Fact]
    public async Task An_unreachable_runtime_api_ends_the_loop()
    {
        var environment = new FakeEnvironmentVariables { [LambdaEnvironmentVariables.RuntimeApi] = $"127.0.0.1:{ClosedPort()}" };

        var exitCode = await LambdaBootstrap.RunAsync(
            (_, _, _) => Task.FromResult(ReadOnlyMemory<byte>.Empty),
            new LambdaRuntimeOptions { Environment = environment, Log = TextWriter.Null }).WaitAsync(FakeRuntimeApi.Patience);

        Assert.Equal((int)LambdaExitCode.RuntimeApiFailed, exitCode);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
