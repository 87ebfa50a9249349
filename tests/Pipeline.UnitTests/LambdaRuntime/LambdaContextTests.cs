using Microsoft.Extensions.Time.Testing;
using Pipeline.LambdaRuntime;
using Pipeline.UnitTests.LambdaRuntime.Fakes;
using Xunit;

namespace Pipeline.UnitTests.LambdaRuntime;

/// <summary>The context carries the invocation's headers, the function's settings, and the time left on the runtime's clock.</summary>
public sealed class LambdaContextTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Carries_the_invocation_headers_and_the_function_environment()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        var clock = new FakeTimeProvider(Start);
        api.Enqueue(new QueuedInvocation("ctx", "{}", Deadline: Start.AddSeconds(30), FunctionArn: "arn:aws:lambda:eu-west-1:123456789012:function:orders:live"));
        var environment = new FakeEnvironmentVariables
        {
            [LambdaEnvironmentVariables.FunctionName] = "orders",
            [LambdaEnvironmentVariables.FunctionVersion] = "7",
            [LambdaEnvironmentVariables.FunctionMemorySize] = "512",
            [LambdaEnvironmentVariables.LogGroupName] = "/aws/lambda/orders",
            [LambdaEnvironmentVariables.LogStreamName] = "2030/01/01/[7]abc",
        };
        var seen = new TaskCompletionSource<LambdaContext>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        var run = LambdaBootstrap.RunAsync(
            (_, context, _) =>
            {
                seen.SetResult(context);
                return Task.FromResult(ReadOnlyMemory<byte>.Empty);
            },
            api.Options(environment) with { TimeProvider = clock },
            stop.Token);

        var context = await seen.Task.WaitAsync(FakeRuntimeApi.Patience);
        await api.NextPostAsync();
        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(FakeRuntimeApi.Patience));

        Assert.Equal("ctx", context.AwsRequestId);
        Assert.Equal(Start.AddSeconds(30), context.Deadline);
        Assert.Equal("arn:aws:lambda:eu-west-1:123456789012:function:orders:live", context.InvokedFunctionArn);
        Assert.Equal(("orders", "7", 512), (context.FunctionName, context.FunctionVersion, context.MemoryLimitInMB));
        Assert.Equal(("/aws/lambda/orders", "2030/01/01/[7]abc"), (context.LogGroupName, context.LogStreamName));
        Assert.Equal(TimeSpan.FromSeconds(30), context.RemainingTime);
        clock.Advance(TimeSpan.FromSeconds(12));
        Assert.Equal(TimeSpan.FromSeconds(18), context.RemainingTime);
    }

    [Fact]
    public void Remaining_time_never_goes_below_zero()
    {
        var clock = new FakeTimeProvider(Start);
        var context = new LambdaContext { AwsRequestId = "late", Deadline = Start.AddSeconds(1), TimeProvider = clock };

        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.Zero, context.RemainingTime);
    }
}
