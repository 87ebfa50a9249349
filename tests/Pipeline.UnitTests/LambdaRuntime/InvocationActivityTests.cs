using System.Collections.Concurrent;
using System.Diagnostics;
using Pipeline.LambdaRuntime;
using Pipeline.UnitTests.LambdaRuntime.Fakes;
using Xunit;

namespace Pipeline.UnitTests.LambdaRuntime;

/// <summary>Each invocation runs inside a root Server span named after the function, with the FaaS attributes.</summary>
public sealed class InvocationActivityTests
{
    private const string Arn = "arn:aws:lambda:eu-west-1:123456789012:function:orders";

    [Fact]
    public async Task Runs_the_handler_inside_a_server_span_that_records_the_invocation()
    {
        var requestId = Guid.NewGuid().ToString();
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == LambdaRuntimeTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var api = await FakeRuntimeApi.StartAsync();
        api.Enqueue(new QueuedInvocation(requestId, "{}", TraceId: "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Sampled=1", FunctionArn: Arn));
        var environment = new FakeEnvironmentVariables { [LambdaEnvironmentVariables.FunctionName] = "orders" };
        using var stop = new CancellationTokenSource();
        Activity? seenByHandler = null;

        var run = LambdaBootstrap.RunAsync(
            (_, _, _) =>
            {
                seenByHandler = Activity.Current;
                return Task.FromResult<ReadOnlyMemory<byte>>("{}"u8.ToArray());
            },
            api.Options(environment) with { Trigger = FaasTrigger.PubSub },
            stop.Token);

        await api.NextPostAsync();
        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(FakeRuntimeApi.Patience));

        var span = Assert.Single(stopped, a => (string?)a.GetTagItem("faas.invocation_id") == requestId);
        Assert.Same(span, seenByHandler);
        Assert.Equal(("orders", ActivityKind.Server, default(ActivitySpanId)), (span.DisplayName, span.Kind, span.ParentSpanId));
        Assert.Equal("pubsub", span.GetTagItem("faas.trigger"));
        Assert.Equal(Arn, span.GetTagItem("cloud.resource_id"));
        Assert.Equal("Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Sampled=1", span.GetTagItem("aws.xray.trace_header"));
        Assert.Equal(true, span.GetTagItem("faas.coldstart"));
        Assert.Equal(ActivityStatusCode.Ok, span.Status);
    }
}
