using System.Collections.Concurrent;
using System.Diagnostics;
using Pipeline.LambdaRuntime;
using Pipeline.UnitTests.LambdaRuntime.Fakes;
using Xunit;

namespace Pipeline.UnitTests.LambdaRuntime;

/// <summary>
/// Each invocation runs inside a Server span named after the function, with the FaaS attributes: a root, or the child of
/// the caller's span when Lambda's trace header names one.
/// </summary>
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

    [Fact]
    public async Task Continues_the_trace_and_span_the_trace_header_names()
    {
        const string header = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1";
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == LambdaRuntimeTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var api = await FakeRuntimeApi.StartAsync();
        api.Enqueue(new QueuedInvocation("continued", "{}", TraceId: header, FunctionArn: Arn));
        using var stop = new CancellationTokenSource();

        var run = LambdaBootstrap.RunAsync(
            (_, _, _) => Task.FromResult<ReadOnlyMemory<byte>>("{}"u8.ToArray()),
            api.Options(new FakeEnvironmentVariables { [LambdaEnvironmentVariables.FunctionName] = "orders" }),
            stop.Token);
        await api.NextPostAsync();
        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(FakeRuntimeApi.Patience));

        var span = Assert.Single(stopped, a => (string?)a.GetTagItem("faas.invocation_id") == "continued");
        Assert.Equal("5bef4de7ad49b0e87f6ef6c87fc2e700", span.TraceId.ToHexString());
        Assert.Equal("9a9197af755a6419", span.ParentSpanId.ToHexString());
    }
}
