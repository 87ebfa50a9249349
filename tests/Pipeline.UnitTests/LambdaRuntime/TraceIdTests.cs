using System.Text;
using Pipeline.LambdaRuntime;
using Pipeline.UnitTests.LambdaRuntime.Fakes;
using Xunit;

namespace Pipeline.UnitTests.LambdaRuntime;

/// <summary><c>Lambda-Runtime-Trace-Id</c> reaches <c>_X_AMZN_TRACE_ID</c> and the context, for that invocation only.</summary>
public sealed class TraceIdTests
{
    private const string XRayHeader = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1";

    [Fact]
    public async Task Copies_the_trace_header_to_the_environment_and_clears_it_when_the_next_invocation_has_none()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        api.Enqueue(new QueuedInvocation("traced", "{}", TraceId: XRayHeader));
        api.Enqueue(new QueuedInvocation("untraced", "{}"));
        var environment = new FakeEnvironmentVariables();
        using var stop = new CancellationTokenSource();

        var run = LambdaBootstrap.RunAsync(
            (_, context, _) => Task.FromResult<ReadOnlyMemory<byte>>(Encoding.UTF8.GetBytes(
                $"{environment[LambdaEnvironmentVariables.TraceId] ?? "none"}|{context.TraceId ?? "none"}")),
            api.Options(environment),
            stop.Token);

        var traced = await api.NextPostAsync();
        var untraced = await api.NextPostAsync();
        await stop.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(FakeRuntimeApi.Patience));
        Assert.Equal($"{XRayHeader}|{XRayHeader}", traced.Text);
        Assert.Equal("none|none", untraced.Text);
    }
}
