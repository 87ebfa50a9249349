using Amazon.SQS;
using Amazon.SQS.Model;
using Xunit;

namespace Pipeline.IntegrationTests.Moto;

/// <summary>The factory's AWSSDK.SQS client against moto's SQS: the queue calls the deployment and the tests make.</summary>
[Collection(MotoCollection.Name)]
public sealed class SqsAgainstMotoTests(MotoServerFixture moto)
{
    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];

    [MotoFact]
    public async Task A_created_queue_is_found_by_name_and_its_attributes_read_and_change()
    {
        using var sqs = moto.Clients.CreateSqs();
        var name = Unique("pipeline-test-raw-objects");

        var url = (await sqs.CreateQueueAsync(new CreateQueueRequest
        {
            QueueName = name,
            Attributes = new Dictionary<string, string> { [QueueAttributeName.VisibilityTimeout] = "20", [QueueAttributeName.MessageRetentionPeriod] = "86400" },
        })).QueueUrl;
        var found = (await sqs.GetQueueUrlAsync(name)).QueueUrl;
        var before = await sqs.GetQueueAttributesAsync(url, [QueueAttributeName.All]);
        await sqs.SetQueueAttributesAsync(url, new Dictionary<string, string> { [QueueAttributeName.VisibilityTimeout] = "360" });
        var after = await sqs.GetQueueAttributesAsync(url, [QueueAttributeName.VisibilityTimeout]);

        Assert.Equal(url, found);
        Assert.EndsWith("/" + name, url, StringComparison.Ordinal);
        Assert.Equal(20, before.VisibilityTimeout);
        Assert.Equal(86400, before.MessageRetentionPeriod);
        Assert.EndsWith(":" + name, before.QueueARN, StringComparison.Ordinal);
        Assert.Equal(360, after.VisibilityTimeout);
    }

    [MotoFact]
    public async Task A_batch_of_messages_is_sent_received_with_attributes_and_deleted()
    {
        using var sqs = moto.Clients.CreateSqs();
        var url = (await sqs.CreateQueueAsync(Unique("pipeline-test-batch"))).QueueUrl;
        var bodies = Enumerable.Range(1, 5).Select(i => $"{{\"Records\":[{{\"s3\":{{\"object\":{{\"key\":\"raw/clickstream/part-{i}.gz\"}}}}}}]}}").ToArray();
        var sent = new List<SendMessageResponse>();
        foreach (var body in bodies)
        {
            sent.Add(await sqs.SendMessageAsync(new SendMessageRequest
            {
                QueueUrl = url,
                MessageBody = body,
                MessageAttributes = new Dictionary<string, MessageAttributeValue>
                {
                    ["traceparent"] = new() { DataType = "String", StringValue = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" },
                },
            }));
        }

        var received = new List<Message>();
        for (var attempt = 0; attempt < 5 && received.Count < bodies.Length; attempt++)
        {
            var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = url,
                MaxNumberOfMessages = 10,
                WaitTimeSeconds = 1,
                MessageSystemAttributeNames = ["All"],
                MessageAttributeNames = ["All"],
            });
            received.AddRange(response.Messages ?? []);
        }

        foreach (var message in received)
        {
            await sqs.DeleteMessageAsync(url, message.ReceiptHandle);
        }

        var left = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10, VisibilityTimeout = 0 });

        Assert.Equal(bodies.Order(StringComparer.Ordinal), received.Select(m => m.Body).Order(StringComparer.Ordinal));
        Assert.Equal(sent.Select(s => s.MessageId).Order(StringComparer.Ordinal), received.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        Assert.All(received, m => Assert.Equal("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", m.MessageAttributes["traceparent"].StringValue));
        Assert.All(received, m => Assert.Equal("1", m.Attributes[MessageSystemAttributeName.ApproximateReceiveCount]));
        Assert.All(received, m => Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(m.Body))), m.MD5OfBody));
        Assert.Empty(left.Messages ?? []);
    }

    [MotoFact]
    public async Task An_unknown_queue_is_QueueDoesNotExist()
    {
        using var sqs = moto.Clients.CreateSqs();

        var error = await Assert.ThrowsAsync<QueueDoesNotExistException>(() => sqs.GetQueueUrlAsync(Unique("missing")));

        // SQS is query-compatible: the SDK reports the Query-era code from x-amzn-query-error, not the JSON __type.
        Assert.Equal("AWS.SimpleQueueService.NonExistentQueue", error.ErrorCode);
    }
}
