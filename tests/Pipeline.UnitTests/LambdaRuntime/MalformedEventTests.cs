using Pipeline.LambdaRuntime;
using Pipeline.UnitTests.LambdaRuntime.Fakes;
using Xunit;

namespace Pipeline.UnitTests.LambdaRuntime;

/// <summary>An event the request type cannot be read from is a <c>Runtime.SerializationError</c>; the handler never sees it.</summary>
public sealed class MalformedEventTests
{
    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("""{"name":42}""")]
    public async Task Posts_a_serialization_error_and_serves_the_next_invocation(string body)
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        api.Enqueue(new QueuedInvocation("malformed", body));
        api.Enqueue(new QueuedInvocation("wellformed", """{"name":"Ada"}"""));
        var handled = new List<string>();
        using var stop = new CancellationTokenSource();

        var run = LambdaBootstrap.RunAsync(
            (greeting, _, _) =>
            {
                handled.Add(greeting.Name);
                return Task.FromResult(new Reply("ok"));
            },
            TestJsonContext.Default.Greeting,
            TestJsonContext.Default.Reply,
            api.Options(),
            stop.Token);

        var error = await api.NextPostAsync();
        var response = await api.NextPostAsync();
        await stop.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(FakeRuntimeApi.Patience));
        Assert.Equal((PostKind.InvocationError, "malformed"), (error.Kind, error.RequestId));
        Assert.Equal((LambdaErrorTypes.SerializationError, LambdaErrorTypes.SerializationError), (error.ErrorType, error.ErrorTypeHeader));
        Assert.Contains(nameof(Greeting), error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal((PostKind.Response, "wellformed"), (response.Kind, response.RequestId));
        Assert.Equal(["Ada"], handled);
    }
}
