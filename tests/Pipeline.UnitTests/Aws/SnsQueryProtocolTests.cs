using System.Net;
using Pipeline.Aws;
using Pipeline.Aws.Sns;
using Pipeline.AwsShapes.Sns;
using Pipeline.UnitTests.Aws.Fakes;
using Xunit;

namespace Pipeline.UnitTests.Aws;

/// <summary>SNS speaks the Query protocol: a signed form-encoded POST in, XML out, XML errors.</summary>
public sealed class SnsQueryProtocolTests
{
    private readonly AwsTestClients _aws = new();

    [Fact]
    public async Task Publish_posts_form_encoded_parameters_and_reads_the_message_id()
    {
        _aws.Handler.ThenXml(HttpStatusCode.OK, """
            <PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
              <PublishResult><MessageId>567910cd-659e-55d4-8ccb-5aaf14679dc0</MessageId></PublishResult>
              <ResponseMetadata><RequestId>d74b8436-ae13-5ab4-a9ff-ce54dfea72a0</RequestId></ResponseMetadata>
            </PublishResponse>
            """);

        var result = await _aws.Sns().PublishAsync(new PublishInput
        {
            TopicArn = "arn:aws:sns:us-east-1:123456789012:pipeline-local-notifications",
            Message = "Job run jr_1 SUCCEEDED & done",
            Subject = "Glue job",
            MessageAttributes = new Dictionary<string, MessageAttributeValue> { ["dataset"] = new() { DataType = "String", StringValue = "clickstream" } },
        });

        var request = _aws.Handler.Single;
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.ContentType);
        Assert.Null(request.Header("X-Amz-Target"));
        Assert.Contains("Credential=AKID/20250102/us-east-1/sns/aws4_request", request.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal(
            "Action=Publish&Version=2010-03-31" +
            "&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Apipeline-local-notifications" +
            "&Message=Job%20run%20jr_1%20SUCCEEDED%20%26%20done&Subject=Glue%20job" +
            "&MessageAttributes.entry.1.Name=dataset&MessageAttributes.entry.1.Value.DataType=String&MessageAttributes.entry.1.Value.StringValue=clickstream",
            request.BodyText);
        Assert.Equal(new PublishResponse { MessageId = "567910cd-659e-55d4-8ccb-5aaf14679dc0" }, result);
    }

    [Fact]
    public async Task An_xml_error_becomes_an_AwsServiceException()
    {
        _aws.Handler.ThenXml(HttpStatusCode.NotFound, """
            <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
              <Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does not exist</Message></Error>
              <RequestId>9dd01905-5012-5f99-8663-4b3ecd0dfaef</RequestId>
            </ErrorResponse>
            """);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _aws.Sns().PublishAsync(new PublishInput { TopicArn = "arn:missing", Message = "m" }));

        Assert.Equal(("NotFound", "Topic does not exist", "Sender"), (error.ErrorCode, error.Message, error.ErrorType));
        Assert.Equal(("SNS", "Publish", HttpStatusCode.NotFound), (error.Service, error.Operation, error.HttpStatusCode));
        Assert.Equal("9dd01905-5012-5f99-8663-4b3ecd0dfaef", error.RequestId);
        Assert.Single(_aws.Handler.Requests);
    }

    [Fact]
    public async Task Throttling_in_xml_is_retried()
    {
        _aws.Handler
            .ThenXml(HttpStatusCode.BadRequest, "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>")
            .ThenXml(HttpStatusCode.OK, "<CreateTopicResponse><CreateTopicResult><TopicArn>arn:t</TopicArn></CreateTopicResult></CreateTopicResponse>");

        var arn = await _aws.Sns().CreateTopicAsync("t");

        Assert.Equal("arn:t", arn);
        Assert.Equal(2, _aws.Handler.Requests.Count);
        Assert.Equal("Action=CreateTopic&Version=2010-03-31&Name=t", _aws.Handler.Requests[1].BodyText);
    }
}
