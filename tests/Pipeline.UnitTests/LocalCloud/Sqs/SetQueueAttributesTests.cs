using Pipeline.LocalCloud.Hosting;
using Pipeline.UnitTests.LocalCloud.Sqs.Fakes;

namespace Pipeline.UnitTests.LocalCloud.Sqs;

/// <summary>SetQueueAttributes changes the named attributes, keeps the others, and checks values as CreateQueue does.</summary>
public sealed class SetQueueAttributesTests
{
    private readonly SqsTestBed _bed = new();

    public SetQueueAttributesTests() => _bed.Store.Create("jobs", new Dictionary<string, string> { ["VisibilityTimeout"] = "45", ["DelaySeconds"] = "2" });

    [Fact]
    public void Named_attributes_change_and_the_others_keep_their_values()
    {
        _bed.Store.SetAttributes("jobs", new Dictionary<string, string> { ["VisibilityTimeout"] = "90" });

        var attributes = _bed.Store.GetAttributes("jobs", ["All"]);
        Assert.Equal(("90", "2"), (attributes["VisibilityTimeout"], attributes["DelaySeconds"]));
    }

    [Fact]
    public void A_redrive_policy_can_be_set_and_removed()
    {
        _bed.Store.Create("jobs-dlq", null);
        var policy = "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:jobs-dlq\",\"maxReceiveCount\":3}";

        _bed.Store.SetAttributes("jobs", new Dictionary<string, string> { ["RedrivePolicy"] = policy });
        var set = _bed.Store.GetAttributes("jobs", ["RedrivePolicy"]);
        _bed.Store.SetAttributes("jobs", new Dictionary<string, string> { ["RedrivePolicy"] = "" });

        Assert.Equal(policy, set["RedrivePolicy"]);
        Assert.Empty(_bed.Store.GetAttributes("jobs", ["RedrivePolicy"]));
    }

    [Fact]
    public void An_out_of_range_value_is_refused_and_changes_nothing()
    {
        var error = Assert.Throws<AwsServiceException>(() => _bed.Store.SetAttributes("jobs", new Dictionary<string, string> { ["VisibilityTimeout"] = "43201" }));

        Assert.Equal("InvalidAttributeValue", error.Code);
        Assert.Equal("45", _bed.Store.GetAttributes("jobs", ["VisibilityTimeout"])["VisibilityTimeout"]);
    }
}
