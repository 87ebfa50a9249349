using Pipeline.IntegrationTests.LocalCloud.Cli;
using System.Net;
using System.Xml.Linq;

namespace Pipeline.IntegrationTests.LocalCloud.Sqs;

/// <summary>
/// SQS's Query protocol over HTTP, as older SDKs and hand-written clients speak it: signed form POSTs to the endpoint
/// or to the queue URL, XML answers in the 2012-11-05 namespace, <c>ErrorResponse</c> errors with query-era codes.
/// (The AWS CLI's botocore speaks the JSON protocol, which <see cref="SqsCliRoundTripTests"/> covers.)
/// </summary>
public sealed class SqsQueryProtocolHttpTests(LocalCloudFixture cloud) : IClassFixture<LocalCloudFixture>
{
    private static readonly XNamespace Ns = "http://queue.amazonaws.com/doc/2012-11-05/";

    [Fact]
    public async Task A_message_goes_round_trip_over_the_query_protocol()
    {
        var created = await PostAsync("/", ("Action", "CreateQueue"), ("QueueName", "query-jobs"), ("Attribute.1.Name", "VisibilityTimeout"), ("Attribute.1.Value", "30"));
        var queueUrl = created.Root!.Element(Ns + "CreateQueueResult")!.Element(Ns + "QueueUrl")!.Value;
        var queuePath = new Uri(queueUrl).AbsolutePath;

        await PostAsync("/", ("Action", "SendMessage"), ("QueueUrl", queueUrl), ("MessageBody", "hello & <world>"), ("MessageAttribute.1.Name", "kind"), ("MessageAttribute.1.Value.DataType", "String"), ("MessageAttribute.1.Value.StringValue", "greeting"));
        // Older clients post to the queue URL and leave QueueUrl out.
        var received = await PostAsync(queuePath, ("Action", "ReceiveMessage"), ("WaitTimeSeconds", "2"), ("AttributeName.1", "All"), ("MessageAttributeName.1", "All"));
        var message = received.Root!.Element(Ns + "ReceiveMessageResult")!.Element(Ns + "Message")!;
        var handle = message.Element(Ns + "ReceiptHandle")!.Value;
        await PostAsync("/", ("Action", "ChangeMessageVisibility"), ("QueueUrl", queueUrl), ("ReceiptHandle", handle), ("VisibilityTimeout", "0"));
        var again = (await PostAsync("/", ("Action", "ReceiveMessage"), ("QueueUrl", queueUrl), ("AttributeName.1", "ApproximateReceiveCount"))).Root!.Element(Ns + "ReceiveMessageResult")!.Element(Ns + "Message")!;
        var deleted = await PostAsync("/", ("Action", "DeleteMessageBatch"), ("QueueUrl", queueUrl), ("DeleteMessageBatchRequestEntry.1.Id", "only"), ("DeleteMessageBatchRequestEntry.1.ReceiptHandle", again.Element(Ns + "ReceiptHandle")!.Value));
        var attributes = await PostAsync("/", ("Action", "GetQueueAttributes"), ("QueueUrl", queueUrl), ("AttributeName.1", "All"));

        Assert.Equal("hello & <world>", message.Element(Ns + "Body")!.Value);
        Assert.Equal("greeting", message.Element(Ns + "MessageAttribute")!.Element(Ns + "Value")!.Element(Ns + "StringValue")!.Value);
        Assert.Equal("2", Attribute(again, "ApproximateReceiveCount"));
        Assert.Equal("only", deleted.Root!.Element(Ns + "DeleteMessageBatchResult")!.Element(Ns + "DeleteMessageBatchResultEntry")!.Element(Ns + "Id")!.Value);
        var result = attributes.Root!.Element(Ns + "GetQueueAttributesResult")!;
        Assert.Equal("0", Attribute(result, "ApproximateNumberOfMessages"));
        Assert.Equal("0", Attribute(result, "ApproximateNumberOfMessagesNotVisible"));
        Assert.Equal("30", Attribute(result, "VisibilityTimeout"));
    }

    [Fact]
    public async Task Queue_settings_change_and_the_queue_is_purged_and_deleted()
    {
        var queueUrl = (await PostAsync("/", ("Action", "CreateQueue"), ("QueueName", "query-settings"))).Root!.Element(Ns + "CreateQueueResult")!.Element(Ns + "QueueUrl")!.Value;
        await PostAsync("/", ("Action", "SendMessageBatch"), ("QueueUrl", queueUrl), ("SendMessageBatchRequestEntry.1.Id", "a"), ("SendMessageBatchRequestEntry.1.MessageBody", "1"), ("SendMessageBatchRequestEntry.2.Id", "b"), ("SendMessageBatchRequestEntry.2.MessageBody", "2"));

        await PostAsync("/", ("Action", "SetQueueAttributes"), ("QueueUrl", queueUrl), ("Attribute.1.Name", "VisibilityTimeout"), ("Attribute.1.Value", "120"));
        var before = (await PostAsync("/", ("Action", "GetQueueAttributes"), ("QueueUrl", queueUrl), ("AttributeName.1", "All"))).Root!.Element(Ns + "GetQueueAttributesResult")!;
        await PostAsync("/", ("Action", "PurgeQueue"), ("QueueUrl", queueUrl));
        var after = (await PostAsync("/", ("Action", "GetQueueAttributes"), ("QueueUrl", queueUrl), ("AttributeName.1", "ApproximateNumberOfMessages"))).Root!.Element(Ns + "GetQueueAttributesResult")!;
        await PostAsync("/", ("Action", "DeleteQueue"), ("QueueUrl", queueUrl));
        var (status, error) = await SendAsync("/", ("Action", "GetQueueUrl"), ("QueueName", "query-settings"));

        Assert.Equal(("120", "2"), (Attribute(before, "VisibilityTimeout"), Attribute(before, "ApproximateNumberOfMessages")));
        Assert.Equal("0", Attribute(after, "ApproximateNumberOfMessages"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(Ns + "ErrorResponse", error.Root!.Name);
        Assert.Equal("Sender", error.Root.Element(Ns + "Error")!.Element(Ns + "Type")!.Value);
        Assert.Equal("AWS.SimpleQueueService.NonExistentQueue", error.Root.Element(Ns + "Error")!.Element(Ns + "Code")!.Value);
    }

    private static string Attribute(XElement parent, string name) =>
        parent.Elements(Ns + "Attribute").Single(a => a.Element(Ns + "Name")!.Value == name).Element(Ns + "Value")!.Value;

    private async Task<XDocument> PostAsync(string path, params (string Name, string Value)[] form)
    {
        var (status, document) = await SendAsync(path, form);
        Assert.True(status == HttpStatusCode.OK, $"{form[0].Value} answered {(int)status}: {document}");
        return document;
    }

    private async Task<(HttpStatusCode Status, XDocument Document)> SendAsync(string path, params (string Name, string Value)[] form)
    {
        using var http = new HttpClient { BaseAddress = new Uri(cloud.EndpointUrl), Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent([.. form.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), new("Version", "2012-11-05")]),
        };
        // A SigV4-shaped header naming sqs, as an SDK sends; LocalCloud routes by it and does not check signatures.
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=00");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("text/xml", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return (response.StatusCode, XDocument.Parse(text));
    }
}
