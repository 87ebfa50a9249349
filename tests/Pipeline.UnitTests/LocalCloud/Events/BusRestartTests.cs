using Pipeline.LocalCloud.Events;
using Pipeline.UnitTests.LocalCloud.Events.Fakes;

namespace Pipeline.UnitTests.LocalCloud.Events;

/// <summary>
/// A bus opened again over the same data directory has the rules and targets of the last one, and delivers the events
/// that one accepted and did not deliver, once; those it delivered are not delivered again.
/// </summary>
public sealed class BusRestartTests : IDisposable
{
    private const string Function = "arn:aws:lambda:eu-west-1:123456789012:function:runner";

    private readonly string _directory = Directory.CreateTempSubdirectory("events-unit-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Rules_and_targets_survive_and_a_deleted_rule_stays_deleted()
    {
        var first = EventBusFactory.Create(new RecordingFunctionInvoker(), _directory);
        first.PutRule("kept", """{"source":["app"]}""", RuleState.Disabled, "described");
        first.PutTargets("kept", [new EventTarget("t", Function, """{"fixed":1}""")]);
        first.PutRule("gone", """{"source":["x"]}""", RuleState.Enabled, null);
        first.DeleteRule("gone");

        var second = EventBusFactory.Create(new RecordingFunctionInvoker(), _directory);

        var rule = Assert.Single(second.ListRules(null));
        Assert.Equal(("kept", RuleState.Disabled, "described", """{"source":["app"]}"""), (rule.Name, rule.State, rule.Description, rule.EventPatternJson));
        Assert.Equal([new EventTarget("t", Function, """{"fixed":1}""")], rule.Targets);
    }

    [Fact]
    public async Task An_event_accepted_and_not_delivered_is_delivered_once_after_the_restart()
    {
        var delivered = new RecordingFunctionInvoker();
        var first = EventBusFactory.Create(delivered, _directory);
        first.PutRule("any", """{"source":["app"]}""", RuleState.Enabled, null);
        first.PutTargets("any", [new EventTarget("t", Function, null)]);
        first.Put("app", "Before", "{}", [], null);
        await EventBusFactory.DeliverUntilAsync(first, () => first.PendingDeliveries == 0);

        // Accepted, but the bus stops (or dies) before its delivery loop gets to it.
        var id = first.Put("app", "Pending", "{}", [], null);
        var restarted = new RecordingFunctionInvoker();
        var second = EventBusFactory.Create(restarted, _directory);
        await EventBusFactory.DeliverUntilAsync(second, () => second.PendingDeliveries == 0);

        Assert.Single(delivered.Invocations);
        var (function, payload) = Assert.Single(restarted.Invocations);
        Assert.Equal(Function, function);
        Assert.Contains(id, payload, StringComparison.Ordinal);
        Assert.Equal(0, second.PendingDeliveries);
    }
}
