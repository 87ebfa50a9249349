using Pipeline.LocalCloud.Hosting;
using Pipeline.UnitTests.LocalCloud.Sqs.Fakes;

namespace Pipeline.UnitTests.LocalCloud.Sqs;

/// <summary>CreateQueue is idempotent for the same attributes; queues are found by name, URL or ARN.</summary>
public sealed class QueueLifecycleTests
{
    private readonly SqsTestBed _bed = new();

    [Fact]
    public void Creating_again_with_the_same_attributes_succeeds_and_with_others_fails()
    {
        _bed.Store.Create("q", new Dictionary<string, string> { ["DelaySeconds"] = "5" });

        _bed.Store.Create("q", new Dictionary<string, string> { ["DelaySeconds"] = "5" });
        var error = Assert.Throws<AwsServiceException>(() => _bed.Store.Create("q", new Dictionary<string, string> { ["DelaySeconds"] = "6" }));

        Assert.Equal("QueueAlreadyExists", error.Code);
    }

    [Fact]
    public void A_queue_is_found_by_url_arn_and_name_and_is_gone_after_delete()
    {
        _bed.Store.Create("q", null);

        Assert.Equal("q", _bed.Store.Resolve("http://127.0.0.1:4566/000000000000/q"));
        Assert.Equal("arn:aws:sqs:us-east-1:000000000000:q", _bed.Store.GetQueueArn("arn:aws:sqs:us-east-1:000000000000:q"));
        _bed.Store.Delete("q");

        Assert.Equal("QueueDoesNotExist", Assert.Throws<AwsServiceException>(() => _bed.Store.Resolve("q")).Code);
    }

    [Fact]
    public async Task A_receipt_handle_not_issued_by_the_queue_is_invalid()
    {
        _bed.Store.Create("q", null);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.Store.DeleteAsync("q", "not-a-handle!"));

        Assert.Equal("ReceiptHandleIsInvalid", error.Code);
    }

    [Fact]
    public async Task A_body_over_256_KiB_is_InvalidParameterValue()
    {
        _bed.Store.Create("q", null);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.Store.SendAsync("q", new string('x', 262_145)));

        Assert.Equal("InvalidParameterValue", error.Code);
    }

    [Fact]
    public async Task A_delayed_message_is_counted_as_delayed_until_it_is_due()
    {
        _bed.Store.Create("q", null);
        await _bed.Store.SendAsync("q", "later", delaySeconds: 10);

        Assert.Empty(await _bed.ReceiveNowAsync("q"));
        Assert.Equal(1, _bed.Count("q", "ApproximateNumberOfMessagesDelayed"));
        _bed.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.Single(await _bed.ReceiveNowAsync("q"));
    }
}
