using Pipeline.UnitTests.LocalCloud.Sqs.Fakes;

namespace Pipeline.UnitTests.LocalCloud.Sqs;

/// <summary>A message received maxReceiveCount times moves to the dead-letter queue instead of being delivered again.</summary>
public sealed class RedriveTests
{
    private readonly SqsTestBed _bed = new();

    public RedriveTests()
    {
        _bed.Store.Create("jobs-dlq", null);
        _bed.Store.Create("jobs", new Dictionary<string, string>
        {
            ["VisibilityTimeout"] = "10",
            ["RedrivePolicy"] = $$"""{"deadLetterTargetArn":"{{_bed.Store.GetQueueArn("jobs-dlq")}}","maxReceiveCount":"2"}""",
        });
    }

    [Fact]
    public async Task The_third_receive_finds_the_message_in_the_dead_letter_queue()
    {
        var sent = await _bed.Store.SendAsync("jobs", "poison");

        Assert.Single(await _bed.ReceiveNowAsync("jobs"));
        _bed.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Single(await _bed.ReceiveNowAsync("jobs"));
        _bed.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.Empty(await _bed.ReceiveNowAsync("jobs"));
        var dead = Assert.Single(await _bed.ReceiveNowAsync("jobs-dlq"));
        Assert.Equal(sent.MessageId, dead.MessageId);
        Assert.Equal("poison", dead.Body);
        Assert.Equal(1, dead.ReceiveCount);
    }

    [Fact]
    public void A_dead_letter_target_that_does_not_exist_is_refused()
    {
        var error = Assert.Throws<Pipeline.LocalCloud.Hosting.AwsServiceException>(() => _bed.Store.Create("other", new Dictionary<string, string>
        {
            ["RedrivePolicy"] = """{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:missing","maxReceiveCount":3}""",
        }));

        Assert.Equal("InvalidAttributeValue", error.Code);
    }
}
