using Pipeline.LambdaRuntime;
using Pipeline.UnitTests.LambdaRuntime.Fakes;
using Xunit;

namespace Pipeline.UnitTests.LambdaRuntime;

/// <summary>The initialiser runs once, before the first event, and the handler it builds serves every invocation.</summary>
public sealed class InitializerTests
{
    [Fact]
    public async Task Runs_once_and_its_handler_serves_every_invocation()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        api.Enqueue(new QueuedInvocation("a", """{"name":"Ada"}"""));
        api.Enqueue(new QueuedInvocation("b", """{"name":"Grace"}"""));
        var initialisations = 0;
        using var stop = new CancellationTokenSource();

        var run = LambdaBootstrap.RunAsync(
            async ct =>
            {
                await Task.Yield();
                api.Note("init");
                var greeter = new Greeter($"greeter #{Interlocked.Increment(ref initialisations)}");
                return greeter.HandleAsync;
            },
            TestJsonContext.Default.Greeting,
            TestJsonContext.Default.Reply,
            api.Options(),
            stop.Token);

        var first = await api.NextPostAsync();
        var second = await api.NextPostAsync();
        await stop.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(FakeRuntimeApi.Patience));
        Assert.Equal(1, initialisations);
        Assert.Equal("init", api.Events[0]);
        Assert.Equal("""{"message":"greeter #1 greets Ada"}""", first.Text);
        Assert.Equal("""{"message":"greeter #1 greets Grace"}""", second.Text);
    }

    private sealed class Greeter(string name)
    {
        public Task<Reply> HandleAsync(Greeting greeting, LambdaContext context, CancellationToken cancellationToken) =>
            Task.FromResult(new Reply($"{name} greets {greeting.Name}"));
    }
}
