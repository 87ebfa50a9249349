using Pipeline.LambdaRuntime;
using Pipeline.UnitTests.LambdaRuntime.Fakes;
using Xunit;

namespace Pipeline.UnitTests.LambdaRuntime;

/// <summary>A response over Lambda's 6 MB (6,291,456 bytes) is reported as an error instead of posted.</summary>
public sealed class ResponseSizeLimitTests
{
    [Fact]
    public async Task A_serialized_response_over_the_limit_becomes_a_response_size_error()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        api.Enqueue(new QueuedInvocation("huge", """{"name":"Ada"}"""));
        using var stop = new CancellationTokenSource();

        // The message alone is under the limit; the JSON around it is what pushes it over.
        var message = new string('x', LambdaRuntimeOptions.LambdaMaxResponseBytes - 10);
        var run = LambdaBootstrap.RunAsync(
            (_, _, _) => Task.FromResult(new Reply(message)),
            TestJsonContext.Default.Greeting,
            TestJsonContext.Default.Reply,
            api.Options(),
            stop.Token);

        var error = await api.NextPostAsync();
        await stop.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(FakeRuntimeApi.Patience));
        Assert.Equal((PostKind.InvocationError, "huge", LambdaErrorTypes.ResponseSizeTooLarge), (error.Kind, error.RequestId, error.ErrorType));
        Assert.Contains("6291456", error.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("response:huge", api.Events);
    }

    [Fact]
    public async Task A_response_of_exactly_the_limit_is_posted()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        api.Enqueue(new QueuedInvocation("at-limit", "{}"));
        using var stop = new CancellationTokenSource();

        var run = LambdaBootstrap.RunAsync(
            (_, _, _) => Task.FromResult<ReadOnlyMemory<byte>>(new byte[LambdaRuntimeOptions.LambdaMaxResponseBytes]),
            api.Options(),
            stop.Token);

        var response = await api.NextPostAsync();
        await stop.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(FakeRuntimeApi.Patience));
        Assert.Equal((PostKind.Response, 6_291_456), (response.Kind, response.Body.Length));
    }
}
