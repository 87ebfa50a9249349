using Pipeline.LambdaRuntime;
using Pipeline.UnitTests.LambdaRuntime.Fakes;
using Xunit;

namespace Pipeline.UnitTests.LambdaRuntime;

/// <summary>A handler's exception becomes that invocation's error, in Lambda's error shape, and the loop carries on.</summary>
public sealed class HandlerExceptionTests
{
    [Fact]
    public async Task Posts_the_exception_as_an_invocation_error_and_serves_the_next_invocation()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        api.Enqueue(new QueuedInvocation("bad", """{"name":"boom"}"""));
        api.Enqueue(new QueuedInvocation("good", """{"name":"Ada"}"""));
        var log = new StringWriter();
        using var stop = new CancellationTokenSource();

        var run = LambdaBootstrap.RunAsync(
            (greeting, _, _) => greeting.Name == "boom"
                ? throw new InvalidOperationException("the handler broke")
                : Task.FromResult(new Reply("fine")),
            TestJsonContext.Default.Greeting,
            TestJsonContext.Default.Reply,
            api.Options(log: TextWriter.Synchronized(log)),
            stop.Token);

        var error = await api.NextPostAsync();
        var response = await api.NextPostAsync();
        await stop.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(FakeRuntimeApi.Patience));
        Assert.Equal((PostKind.InvocationError, "bad"), (error.Kind, error.RequestId));
        Assert.Equal("InvalidOperationException", error.ErrorTypeHeader);
        Assert.Equal("InvalidOperationException", error.ErrorType);
        Assert.Equal("the handler broke", error.ErrorMessage);
        Assert.Equal("application/vnd.aws.lambda.error+json", error.ContentType);
        Assert.Contains(error.StackTrace, line => line.Contains(nameof(Posts_the_exception_as_an_invocation_error_and_serves_the_next_invocation), StringComparison.Ordinal));
        Assert.Contains("the handler broke", log.ToString(), StringComparison.Ordinal);
        Assert.Equal((PostKind.Response, "good", """{"message":"fine"}"""), (response.Kind, response.RequestId, response.Text));
    }

    [Fact]
    public async Task An_asynchronous_fault_is_reported_the_same_way()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        api.Enqueue(new QueuedInvocation("async-bad", "{}"));
        using var stop = new CancellationTokenSource();

        var run = LambdaBootstrap.RunAsync(
            async (_, _, _) =>
            {
                await Task.Yield();
                throw new FormatException("late failure");
            },
            api.Options(),
            stop.Token);

        var error = await api.NextPostAsync();
        await stop.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(FakeRuntimeApi.Patience));
        Assert.Equal((PostKind.InvocationError, "async-bad", "FormatException", "late failure"), (error.Kind, error.RequestId, error.ErrorType, error.ErrorMessage));
    }
}
