using Microsoft.AspNetCore.Http;
using Pipeline.LambdaRuntime;
using Pipeline.UnitTests.LambdaRuntime.Fakes;
using Xunit;

namespace Pipeline.UnitTests.LambdaRuntime;

/// <summary>A 413 from <c>/response</c> is turned into an invocation error, never a crash.</summary>
public sealed class PayloadTooLargeTests
{
    [Fact]
    public async Task Reports_a_response_size_error_and_keeps_running()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        api.PostStatus = post => post.Kind == PostKind.Response && post.RequestId == "rejected"
            ? StatusCodes.Status413PayloadTooLarge
            : StatusCodes.Status202Accepted;
        api.Enqueue(new QueuedInvocation("rejected", "{}"));
        api.Enqueue(new QueuedInvocation("accepted", "{}"));
        using var stop = new CancellationTokenSource();

        var run = LambdaBootstrap.RunAsync((_, _, _) => Task.FromResult<ReadOnlyMemory<byte>>("{}"u8.ToArray()), api.Options(), stop.Token);

        var rejected = await api.NextPostAsync();
        var error = await api.NextPostAsync();
        var accepted = await api.NextPostAsync();
        await stop.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(FakeRuntimeApi.Patience));
        Assert.Equal((PostKind.Response, "rejected"), (rejected.Kind, rejected.RequestId));
        Assert.Equal((PostKind.InvocationError, "rejected", LambdaErrorTypes.ResponseSizeTooLarge), (error.Kind, error.RequestId, error.ErrorType));
        Assert.Contains("413", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal((PostKind.Response, "accepted"), (accepted.Kind, accepted.RequestId));
    }
}
