using Pipeline.LocalCloud.S3.Notifications;

namespace Pipeline.UnitTests.LocalCloud.S3.Notifications;

/// <summary>Which events and keys a queue configuration selects: event types with wildcards, prefix and suffix rules.</summary>
public sealed class NotificationMatchingTests
{
    [Theory]
    [InlineData("s3:ObjectCreated:*", "ObjectCreated:Put", true)]
    [InlineData("s3:ObjectCreated:*", "ObjectCreated:Copy", true)]
    [InlineData("s3:ObjectCreated:*", "ObjectCreated:CompleteMultipartUpload", true)]
    [InlineData("s3:ObjectCreated:*", "ObjectRemoved:Delete", false)]
    [InlineData("s3:ObjectCreated:Put", "ObjectCreated:Put", true)]
    [InlineData("s3:ObjectCreated:Put", "ObjectCreated:Copy", false)]
    [InlineData("s3:ObjectCreated:CompleteMultipartUpload", "ObjectCreated:CompleteMultipartUpload", true)]
    [InlineData("s3:ObjectRemoved:*", "ObjectRemoved:Delete", true)]
    [InlineData("s3:ObjectRemoved:Delete", "ObjectCreated:Put", false)]
    public void Configured_types_cover_the_events_they_name(string configured, string eventName, bool covered) =>
        Assert.Equal(covered, NotificationEvents.Covers(configured, eventName));

    [Theory]
    [InlineData("raw/clickstream/year=2026/a.json.gz", true)]
    [InlineData("raw/clickstream/a.json", false)]
    [InlineData("raw/vehicle/a.json.gz", false)]
    [InlineData("stage/raw/clickstream/a.json.gz", false)]
    public void Prefix_and_suffix_must_both_match(string key, bool selected)
    {
        var configuration = new QueueNotification("c", "arn:aws:sqs:us-east-1:000000000000:q", ["s3:ObjectCreated:*"], "raw/clickstream/", ".gz");

        Assert.Equal(selected, configuration.Matches("ObjectCreated:Put", key));
    }

    [Fact]
    public void Without_filter_rules_every_key_of_the_event_type_is_selected()
    {
        var configuration = new QueueNotification("c", "arn:aws:sqs:us-east-1:000000000000:q", ["s3:ObjectRemoved:*"], null, null);

        Assert.True(configuration.Matches("ObjectRemoved:Delete", "any/key"));
        Assert.False(configuration.Matches("ObjectCreated:Put", "any/key"));
    }
}
