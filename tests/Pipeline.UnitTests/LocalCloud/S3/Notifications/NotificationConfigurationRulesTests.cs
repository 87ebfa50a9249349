using System.Xml.Linq;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.S3.Notifications;
using Pipeline.LocalCloud.Sqs;
using Pipeline.UnitTests.LocalCloud.Sqs.Fakes;

namespace Pipeline.UnitTests.LocalCloud.S3.Notifications;

/// <summary>PutBucketNotificationConfiguration's checks: document shape, events, filter rules, overlaps, destinations.</summary>
public sealed class NotificationConfigurationRulesTests
{
    private const string QueueArn = "arn:aws:sqs:us-east-1:000000000000:events";

    private static BucketNotificationConfiguration Parse(string queues) =>
        NotificationConfigurationXml.Parse(XDocument.Parse($"<NotificationConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">{queues}</NotificationConfiguration>"));

    private static string Queue(string id, string events, string? prefix = null, string? suffix = null, string arn = QueueArn)
    {
        var rules = (prefix is null ? "" : $"<FilterRule><Name>prefix</Name><Value>{prefix}</Value></FilterRule>")
            + (suffix is null ? "" : $"<FilterRule><Name>Suffix</Name><Value>{suffix}</Value></FilterRule>");
        var filter = rules.Length == 0 ? "" : $"<Filter><S3Key>{rules}</S3Key></Filter>";
        return $"<QueueConfiguration><Id>{id}</Id><Queue>{arn}</Queue>{events}{filter}</QueueConfiguration>";
    }

    [Fact]
    public void A_queue_configuration_is_read_with_its_events_and_filter()
    {
        var configuration = Parse(Queue("raw", "<Event>s3:ObjectCreated:Put</Event><Event>s3:ObjectCreated:Copy</Event>", "raw/", ".gz"));

        var queue = Assert.Single(configuration.QueueConfigurations);
        Assert.Equal(("raw", QueueArn, "raw/", ".gz"), (queue.Id, queue.QueueArn, queue.Prefix, queue.Suffix));
        Assert.Equal(["s3:ObjectCreated:Put", "s3:ObjectCreated:Copy"], queue.Events);
    }

    [Fact]
    public void The_document_written_back_reads_as_the_same_configuration()
    {
        var configuration = Parse(Queue("a", "<Event>s3:ObjectCreated:*</Event>", "raw/a/") + Queue("b", "<Event>s3:ObjectRemoved:*</Event>", suffix: ".json"));

        var again = NotificationConfigurationXml.Parse(new XDocument(NotificationConfigurationXml.ToXml(configuration)));

        Assert.Equal(configuration.QueueConfigurations.Select(Describe), again.QueueConfigurations.Select(Describe));
    }

    [Fact]
    public void A_configuration_without_an_id_gets_one()
    {
        var configuration = Parse($"<QueueConfiguration><Queue>{QueueArn}</Queue><Event>s3:ObjectCreated:*</Event></QueueConfiguration>");

        Assert.False(string.IsNullOrEmpty(Assert.Single(configuration.QueueConfigurations).Id));
    }

    [Fact]
    public void An_unknown_event_is_an_invalid_argument()
    {
        var error = Assert.Throws<AwsServiceException>(() => Parse(Queue("a", "<Event>s3:ObjectCreated:Everything</Event>")));

        Assert.Equal("InvalidArgument", error.Code);
    }

    [Fact]
    public void Two_prefix_rules_in_one_filter_are_an_invalid_argument()
    {
        var twoPrefixes = $"<QueueConfiguration><Queue>{QueueArn}</Queue><Event>s3:ObjectCreated:*</Event><Filter><S3Key>"
            + "<FilterRule><Name>prefix</Name><Value>a/</Value></FilterRule><FilterRule><Name>Prefix</Name><Value>b/</Value></FilterRule>"
            + "</S3Key></Filter></QueueConfiguration>";

        var error = Assert.Throws<AwsServiceException>(() => Parse(twoPrefixes));

        Assert.Equal(("InvalidArgument", "Cannot specify more than one prefix rule in a filter."), (error.Code, error.Message));
    }

    [Theory]
    [InlineData("TopicConfiguration")]
    [InlineData("CloudFunctionConfiguration")]
    [InlineData("LambdaFunctionConfiguration")]
    public void Topic_and_lambda_destinations_are_not_implemented(string element)
    {
        var error = Assert.Throws<AwsServiceException>(() => Parse($"<{element}><Id>x</Id><Event>s3:ObjectCreated:*</Event></{element}>"));

        Assert.Equal(("NotImplemented", 501), (error.Code, error.StatusCode));
        Assert.Contains("SQS", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("raw/", "raw/clickstream/", "s3:ObjectCreated:*", "s3:ObjectCreated:Put")]
    [InlineData(null, "raw/", "s3:ObjectCreated:Put", "s3:ObjectCreated:Put")]
    [InlineData("raw/a", "raw/a", "s3:ObjectRemoved:*", "s3:ObjectRemoved:Delete")]
    public void Overlapping_prefixes_for_the_same_event_type_are_refused(string? first, string second, string firstEvent, string secondEvent)
    {
        var configuration = Parse(Queue("a", $"<Event>{firstEvent}</Event>", first) + Queue("b", $"<Event>{secondEvent}</Event>", second));

        var error = Assert.Throws<AwsServiceException>(() => NotificationRules.CheckNoOverlap(configuration));

        Assert.Equal("InvalidArgument", error.Code);
        Assert.Contains("overlapping", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("raw/clickstream/", "s3:ObjectCreated:*", "raw/vehicle_telemetry/", "s3:ObjectCreated:*")]
    [InlineData("raw/", "s3:ObjectCreated:*", "raw/", "s3:ObjectRemoved:*")]
    [InlineData("raw/", "s3:ObjectCreated:Put", "raw/", "s3:ObjectCreated:Copy")]
    public void Disjoint_prefixes_or_event_types_are_accepted(string first, string firstEvent, string second, string secondEvent)
    {
        var configuration = Parse(Queue("a", $"<Event>{firstEvent}</Event>", first) + Queue("b", $"<Event>{secondEvent}</Event>", second));

        NotificationRules.CheckNoOverlap(configuration);
        Assert.Equal(2, configuration.QueueConfigurations.Count);
    }

    [Fact]
    public void A_destination_queue_that_does_not_exist_cannot_be_validated()
    {
        var queues = new SqsTestBed().Store;
        queues.Create("events", null);
        var configuration = Parse(Queue("a", "<Event>s3:ObjectCreated:*</Event>") + Queue("b", "<Event>s3:ObjectRemoved:*</Event>", arn: "arn:aws:sqs:us-east-1:000000000000:missing"));

        var error = Assert.Throws<AwsServiceException>(() => NotificationRules.CheckDestinations(configuration, queues));

        Assert.Equal("InvalidArgument", error.Code);
        Assert.StartsWith("Unable to validate the following destination configurations", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Existing_destination_queues_are_accepted()
    {
        ISqsQueues queues = new SqsTestBed().Store;
        ((SqsQueueStore)queues).Create("events", null);

        NotificationRules.CheckDestinations(Parse(Queue("a", "<Event>s3:ObjectCreated:*</Event>")), queues);
        Assert.Equal(QueueArn, queues.GetQueueArn("events"));
    }

    private static string Describe(QueueNotification q) => $"{q.Id}|{q.QueueArn}|{string.Join(',', q.Events)}|{q.Prefix}|{q.Suffix}";
}
