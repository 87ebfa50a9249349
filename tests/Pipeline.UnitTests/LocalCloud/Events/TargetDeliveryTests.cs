using System.Text.Json;
using Pipeline.LocalCloud.Events;
using Pipeline.UnitTests.LocalCloud.Events.Fakes;

namespace Pipeline.UnitTests.LocalCloud.Events;

/// <summary>Matching events reach Lambda targets as the EventBridge envelope; failed deliveries are retried.</summary>
public sealed class TargetDeliveryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("events-unit-").FullName;

    private const string Function = "arn:aws:lambda:eu-west-1:123456789012:function:runner";

    [Fact]
    public async Task A_matching_event_is_delivered_as_the_full_envelope()
    {
        var invoker = new RecordingFunctionInvoker();
        var bus = EventBusFactory.Create(invoker, _directory);
        bus.PutRule("crawled", """{"source":["aws.glue"],"detail":{"state":["Succeeded"]}}""", RuleState.Enabled, null);
        bus.PutTargets("crawled", [new EventTarget("runner", Function, null)]);

        await ((IEventBus)bus).PublishAsync("aws.glue", "Glue Crawler State Change", """{"crawlerName":"raw","state":"Succeeded"}""", ["arn:x"]);
        await ((IEventBus)bus).PublishAsync("aws.glue", "Glue Crawler State Change", """{"crawlerName":"raw","state":"Failed"}""", []);
        await EventBusFactory.DeliverUntilAsync(bus, () => !invoker.Invocations.IsEmpty);

        var (function, payload) = Assert.Single(invoker.Invocations);
        Assert.Equal(Function, function);
        var envelope = JsonDocument.Parse(payload).RootElement;
        Assert.Equal("0", envelope.GetProperty("version").GetString());
        Assert.Equal(bus.Recent[0].Id, envelope.GetProperty("id").GetString());
        Assert.Equal("Glue Crawler State Change", envelope.GetProperty("detail-type").GetString());
        Assert.Equal("aws.glue", envelope.GetProperty("source").GetString());
        Assert.Equal("123456789012", envelope.GetProperty("account").GetString());
        Assert.Equal("eu-west-1", envelope.GetProperty("region").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", envelope.GetProperty("time").GetString());
        Assert.Equal("arn:x", envelope.GetProperty("resources")[0].GetString());
        Assert.Equal("raw", envelope.GetProperty("detail").GetProperty("crawlerName").GetString());
        Assert.Equal(["crawled"], bus.Recent[0].MatchedRules);
        Assert.Empty(bus.Recent[1].MatchedRules);
    }

    [Fact]
    public async Task A_target_with_input_receives_the_input_instead()
    {
        var invoker = new RecordingFunctionInvoker();
        var bus = EventBusFactory.Create(invoker, _directory);
        bus.PutRule("any", """{"source":["app"]}""", RuleState.Enabled, null);
        bus.PutTargets("any", [new EventTarget("t", Function, """{"fixed":true}""")]);

        bus.Put("app", "Thing", "{}", [], null);
        await EventBusFactory.DeliverUntilAsync(bus, () => !invoker.Invocations.IsEmpty);

        Assert.Equal("""{"fixed":true}""", Assert.Single(invoker.Invocations).Payload);
    }

    [Fact]
    public async Task A_disabled_rule_delivers_nothing()
    {
        var invoker = new RecordingFunctionInvoker();
        var bus = EventBusFactory.Create(invoker, _directory);
        bus.PutRule("off", """{"source":["app"]}""", RuleState.Disabled, null);
        bus.PutTargets("off", [new EventTarget("t", Function, null)]);

        bus.Put("app", "Thing", "{}", [], null);
        await EventBusFactory.DeliverUntilAsync(bus, () => false);

        Assert.Empty(invoker.Invocations);
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_then_given_up()
    {
        var invoker = new RecordingFunctionInvoker { FailuresBeforeSuccess = 100 };
        var bus = EventBusFactory.Create(invoker, _directory);
        bus.PutRule("any", """{"source":["app"]}""", RuleState.Enabled, null);
        bus.PutTargets("any", [new EventTarget("t", Function, null)]);

        bus.Put("app", "Thing", "{}", [], null);
        await EventBusFactory.DeliverUntilAsync(bus, () => invoker.Invocations.Count >= EventsLimits.DeliveryAttempts);

        Assert.Equal(EventsLimits.DeliveryAttempts, invoker.Invocations.Count);
    }

    [Fact]
    public async Task A_delivery_that_fails_once_succeeds_on_retry()
    {
        var invoker = new RecordingFunctionInvoker { FailuresBeforeSuccess = 1 };
        var bus = EventBusFactory.Create(invoker, _directory);
        bus.PutRule("any", """{"source":["app"]}""", RuleState.Enabled, null);
        bus.PutTargets("any", [new EventTarget("t", Function, null)]);

        bus.Put("app", "Thing", "{}", [], null);
        await EventBusFactory.DeliverUntilAsync(bus, () => invoker.Invocations.Count >= 2);

        Assert.Equal(2, invoker.Invocations.Count);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
