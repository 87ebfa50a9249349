using Pipeline.LambdaRuntime;
using Pipeline.UnitTests.LambdaRuntime.Fakes;
using Xunit;

namespace Pipeline.UnitTests.LambdaRuntime;

/// <summary>Each invocation's handler result is posted to that invocation's <c>/response</c>, and the loop asks for more.</summary>
public sealed class ResponsePostingTests
{
    [Fact]
    public async Task Posts_the_serialized_response_under_each_request_id()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        api.Enqueue(new QueuedInvocation("req-1", """{"name":"Ada"}"""));
        api.Enqueue(new QueuedInvocation("req-2", """{"name":"Grace"}"""));
        using var stop = new CancellationTokenSource();

        var run = LambdaBootstrap.RunAsync(
            (greeting, context, _) =>
                Task.FromResult(new Reply($"hello {greeting.Name} from {context.AwsRequestId}")),
            TestJsonContext.Default.Greeting,
            TestJsonContext.Default.Reply,
            api.Options(),
            stop.Token);

        var first = await api.NextPostAsync();
        var second = await api.NextPostAsync();
        await stop.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(FakeRuntimeApi.Patience));
        Assert.Equal((PostKind.Response, "req-1", """{"message":"hello Ada from req-1"}"""), (first.Kind, first.RequestId, first.Text));
        Assert.Equal((PostKind.Response, "req-2", """{"message":"hello Grace from req-2"}"""), (second.Kind, second.RequestId, second.Text));
    }

    [Fact]
    public async Task Raw_handlers_get_the_event_bytes_as_sent_and_post_theirs_unchanged()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        api.Enqueue(new QueuedInvocation("raw-1", "not even json"));
        using var stop = new CancellationTokenSource();

        var run = LambdaBootstrap.RunAsync(
            (body, _, _) => Task.FromResult<ReadOnlyMemory<byte>>(body.ToArray().Reverse().ToArray()),
            api.Options(),
            stop.Token);

        var post = await api.NextPostAsync();
        await stop.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(FakeRuntimeApi.Patience));
        Assert.Equal((PostKind.Response, "raw-1", "nosj neve ton"), (post.Kind, post.RequestId, post.Text));
    }
}
