using System.Xml.Linq;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Protocols;
using Pipeline.LocalCloud.Sqs;
using Pipeline.AwsShapes.Sqs;
using Pipeline.LocalCloud.Sqs.Api;
using Pipeline.UnitTests.LocalCloud.Sqs.Fakes;

namespace Pipeline.UnitTests.LocalCloud.Sqs;

/// <summary>
/// The Query protocol reads flattened form parameters into the JSON protocol's request shapes, runs the same
/// operations, and writes the answers and errors as SQS's 2012-11-05 XML.
/// </summary>
public sealed class QueryProtocolTests
{
    private const string BaseUrl = "http://127.0.0.1:4566";
    private static readonly XNamespace Ns = SqsQueryXml.Namespace;

    private readonly SqsTestBed _bed = new();
    private readonly SqsEndpoint _endpoint;

    public QueryProtocolTests() => _endpoint = new SqsEndpoint(new SqsOperations(_bed.Store));

    private static QueryParameters Form(params (string Name, string Value)[] values) =>
        new(values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));

    [Fact]
    public void Flattened_lists_and_maps_are_read_in_index_order()
    {
        var create = Form(("Action", "CreateQueue"), ("QueueName", "q"), ("Attribute.2.Name", "DelaySeconds"), ("Attribute.2.Value", "5"), ("Attribute.1.Name", "VisibilityTimeout"), ("Attribute.1.Value", "60")).CreateQueue();
        var receive = Form(("QueueUrl", "u"), ("AttributeName.2", "SentTimestamp"), ("AttributeName.1", "All"), ("MessageAttributeName.1", "trace"), ("MaxNumberOfMessages", "10"), ("WaitTimeSeconds", "20")).ReceiveMessage();

        Assert.Equal(("q", "60", "5"), (create.QueueName, create.Attributes!["VisibilityTimeout"], create.Attributes["DelaySeconds"]));
        Assert.Equal(["All", "SentTimestamp"], receive.AttributeNames!);
        Assert.Equal(["trace"], receive.MessageAttributeNames!);
        Assert.Equal((10, 20), (receive.MaxNumberOfMessages, receive.WaitTimeSeconds));
    }

    [Fact]
    public void Batch_entries_carry_their_message_attributes()
    {
        var batch = Form(
            ("QueueUrl", "u"),
            ("SendMessageBatchRequestEntry.1.Id", "a"),
            ("SendMessageBatchRequestEntry.1.MessageBody", "one"),
            ("SendMessageBatchRequestEntry.1.MessageAttribute.1.Name", "kind"),
            ("SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.DataType", "String"),
            ("SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.StringValue", "x"),
            ("SendMessageBatchRequestEntry.2.Id", "b"),
            ("SendMessageBatchRequestEntry.2.MessageBody", "two"),
            ("SendMessageBatchRequestEntry.2.DelaySeconds", "3"),
            ("SendMessageBatchRequestEntry.2.MessageAttribute.1.Name", "blob"),
            ("SendMessageBatchRequestEntry.2.MessageAttribute.1.Value.DataType", "Binary"),
            ("SendMessageBatchRequestEntry.2.MessageAttribute.1.Value.BinaryValue", "AAEC")).SendMessageBatch();

        var entries = batch.Entries!;
        Assert.Equal(["a", "b"], entries.Select(e => e.Id));
        Assert.Equal("x", entries[0].MessageAttributes!["kind"].StringValue);
        Assert.Equal(3, entries[1].DelaySeconds);
        Assert.Equal(new byte[] { 0, 1, 2 }, entries[1].MessageAttributes!["blob"].BinaryValue);
    }

    [Fact]
    public void A_post_to_the_queue_url_names_the_queue()
    {
        var delete = new QueryParameters(new Dictionary<string, string> { ["ReceiptHandle"] = "h" }, $"{BaseUrl}/000000000000/jobs").DeleteMessage();

        Assert.Equal($"{BaseUrl}/000000000000/jobs", delete.QueueUrl);
    }

    [Fact]
    public async Task Send_and_receive_answer_in_the_query_xml_shapes()
    {
        var created = (CreateQueueResult)await _endpoint.RunQueryAsync("CreateQueue", Form(("QueueName", "jobs")), BaseUrl, default);
        var sent = await _endpoint.RunQueryAsync("SendMessage", Form(("QueueUrl", created.QueueUrl!), ("MessageBody", "a\r\n<b>&"), ("MessageAttribute.1.Name", "k"), ("MessageAttribute.1.Value.DataType", "String"), ("MessageAttribute.1.Value.StringValue", "v")), BaseUrl, default);
        var received = await _endpoint.RunQueryAsync("ReceiveMessage", Form(("QueueUrl", created.QueueUrl!), ("AttributeName.1", "All"), ("MessageAttributeName.1", "All")), BaseUrl, default);

        var sendXml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(SqsQueryXml.Response("SendMessage", sent, "r1")));
        var receiveXml = XDocument.Load(new MemoryStream(SqsQueryXml.Response("ReceiveMessage", received, "r2")));
        var message = receiveXml.Root!.Element(Ns + "ReceiveMessageResult")!.Element(Ns + "Message")!;

        Assert.Equal($"{BaseUrl}/000000000000/jobs", created.QueueUrl);
        Assert.Equal(Ns + "SendMessageResponse", sendXml.Root!.Name);
        Assert.Equal("r1", sendXml.Root.Element(Ns + "ResponseMetadata")!.Element(Ns + "RequestId")!.Value);
        Assert.Equal(message.Element(Ns + "MessageId")!.Value, sendXml.Root.Element(Ns + "SendMessageResult")!.Element(Ns + "MessageId")!.Value);
        Assert.Equal("a\r\n<b>&", message.Element(Ns + "Body")!.Value);
        Assert.Equal(SqsChecksums.OfBody("a\r\n<b>&"), message.Element(Ns + "MD5OfBody")!.Value);
        Assert.Contains(message.Elements(Ns + "Attribute"), a => a.Element(Ns + "Name")!.Value == "ApproximateReceiveCount" && a.Element(Ns + "Value")!.Value == "1");
        var attribute = Assert.Single(message.Elements(Ns + "MessageAttribute"));
        Assert.Equal(("k", "v", "String"), (attribute.Element(Ns + "Name")!.Value, attribute.Element(Ns + "Value")!.Element(Ns + "StringValue")!.Value, attribute.Element(Ns + "Value")!.Element(Ns + "DataType")!.Value));
    }

    [Fact]
    public async Task Batch_failures_are_written_as_batch_result_error_entries()
    {
        var url = ((CreateQueueResult)await _endpoint.RunQueryAsync("CreateQueue", Form(("QueueName", "jobs")), BaseUrl, default)).QueueUrl!;

        var output = await _endpoint.RunQueryAsync(
            "ChangeMessageVisibilityBatch",
            Form(("QueueUrl", url), ("ChangeMessageVisibilityBatchRequestEntry.1.Id", "x"), ("ChangeMessageVisibilityBatchRequestEntry.1.ReceiptHandle", "not-a-handle"), ("ChangeMessageVisibilityBatchRequestEntry.1.VisibilityTimeout", "0")),
            BaseUrl,
            default);
        var xml = XDocument.Load(new MemoryStream(SqsQueryXml.Response("ChangeMessageVisibilityBatch", output, "r")));
        var failure = xml.Root!.Element(Ns + "ChangeMessageVisibilityBatchResult")!.Element(Ns + "BatchResultErrorEntry")!;

        Assert.Equal(("x", "true", "ReceiptHandleIsInvalid"), (failure.Element(Ns + "Id")!.Value, failure.Element(Ns + "SenderFault")!.Value, failure.Element(Ns + "Code")!.Value));
    }

    [Fact]
    public async Task Errors_are_the_same_as_over_json_and_written_with_query_codes()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _endpoint.RunQueryAsync("GetQueueUrl", Form(("QueueName", "missing")), BaseUrl, default));

        var xml = XDocument.Load(new MemoryStream(SqsQueryXml.Error(error.Code, error.Message, sender: true, "r")));
        var element = xml.Root!.Element(Ns + "Error")!;

        Assert.Equal(Ns + "ErrorResponse", xml.Root.Name);
        Assert.Equal("Sender", element.Element(Ns + "Type")!.Value);
        Assert.Equal("AWS.SimpleQueueService.NonExistentQueue", element.Element(Ns + "Code")!.Value);
        Assert.Equal("The specified queue does not exist.", element.Element(Ns + "Message")!.Value);
        Assert.Equal("r", xml.Root.Element(Ns + "RequestId")!.Value);
    }

    [Fact]
    public async Task An_unknown_action_is_an_invalid_action()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _endpoint.RunQueryAsync("ListDeadLetterSourceQueuesPlease", Form(), BaseUrl, default));

        Assert.Equal("InvalidAction", error.Code);
    }
}
