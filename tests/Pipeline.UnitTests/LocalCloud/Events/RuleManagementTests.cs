using Pipeline.LocalCloud.Events;
using Pipeline.LocalCloud.Hosting;
using Pipeline.UnitTests.LocalCloud.Events.Fakes;

namespace Pipeline.UnitTests.LocalCloud.Events;

/// <summary>Rules and targets behave as EventBridge's: idempotent puts, not-found and in-use errors.</summary>
public sealed class RuleManagementTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("events-unit-").FullName;

    private readonly EventBusService _bus;

    public RuleManagementTests() => _bus = EventBusFactory.Create(new RecordingFunctionInvoker(), _directory);

    [Fact]
    public void PutRule_answers_the_rule_arn_and_an_update_keeps_the_targets()
    {
        var arn = _bus.PutRule("r1", """{"source":["a"]}""", RuleState.Enabled, "first");
        _bus.PutTargets("r1", [new EventTarget("t", "arn:aws:lambda:eu-west-1:123456789012:function:f", null)]);
        _bus.PutRule("r1", """{"source":["b"]}""", RuleState.Disabled, "second");

        Assert.Equal("arn:aws:events:eu-west-1:123456789012:rule/r1", arn);
        var rule = _bus.GetRule("r1");
        Assert.Equal(RuleState.Disabled, rule.State);
        Assert.Equal("second", rule.Description);
        Assert.Single(rule.Targets);
    }

    [Fact]
    public void Unknown_rules_are_not_found()
    {
        Assert.Equal("ResourceNotFoundException", Assert.Throws<AwsServiceException>(() => _bus.GetRule("nope")).Code);
        Assert.Equal("ResourceNotFoundException", Assert.Throws<AwsServiceException>(() => _bus.PutTargets("nope", [])).Code);
    }

    [Fact]
    public void A_rule_with_targets_cannot_be_deleted_until_they_are_removed()
    {
        _bus.PutRule("r1", """{"source":["a"]}""", RuleState.Enabled, null);
        _bus.PutTargets("r1", [new EventTarget("t", "arn:aws:lambda:eu-west-1:123456789012:function:f", null)]);

        Assert.Equal("ValidationException", Assert.Throws<AwsServiceException>(() => _bus.DeleteRule("r1")).Code);
        _bus.RemoveTargets("r1", ["t"]);
        _bus.DeleteRule("r1");
        _bus.DeleteRule("r1");

        Assert.Empty(_bus.ListRules(null));
    }

    [Fact]
    public void A_rule_takes_at_most_five_targets()
    {
        _bus.PutRule("r1", """{"source":["a"]}""", RuleState.Enabled, null);
        var targets = Enumerable.Range(0, 6).Select(i => new EventTarget($"t{i}", "arn:aws:lambda:eu-west-1:123456789012:function:f", null)).ToArray();

        Assert.Equal("LimitExceededException", Assert.Throws<AwsServiceException>(() => _bus.PutTargets("r1", targets)).Code);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
