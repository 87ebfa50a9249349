using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.UnitTests.LambdaRuntime.Fakes;

namespace Pipeline.IntegrationTests.Functions;

/// <summary>The crawler trigger, published as Lambda ships it, answers an SQS batch with a partial-batch response.</summary>
public sealed class CrawlerTriggerBootstrapTests
{
    [Fact]
    public async Task The_published_bootstrap_acknowledges_the_test_event_and_fails_a_poison_message()
    {
        var folder = await PublishedFunction.PublishAsync("services/Pipeline.CrawlerTrigger");
        await using var api = await FakeRuntimeApi.StartAsync();
        var batch = new JsonObject
        {
            ["Records"] = new JsonArray(
                Message("test-event", """{"Service":"Amazon S3","Event":"s3:TestEvent","Time":"2014-10-13T15:57:02.089Z","Bucket":"pipeline-test-data-lake","RequestId":"5582815E1AEA5ADF","HostId":"x"}"""),
                Message("poison", "this is not an S3 event")),
        };
        api.Enqueue(new QueuedInvocation("req-1", batch.ToJsonString(), Deadline: DateTimeOffset.UtcNow.AddMinutes(1)));
        await using var process = FunctionProcess.Start(folder, api.Address, "pipeline-test-crawler-trigger", new Dictionary<string, string> { ["PIPELINE_NAME_PREFIX"] = "pipeline-test" });

        var post = await api.NextPostAsync();
        var (exitCode, output) = await process.StopAsync();

        Assert.True(post.Kind == PostKind.Response, $"expected a response, got {post.Kind}: {post.Text}\n{output}");
        using var response = JsonDocument.Parse(post.Body);
        Assert.Equal(["poison"], response.RootElement.GetProperty("batchItemFailures").EnumerateArray().Select(f => f.GetProperty("itemIdentifier").GetString()));
        Assert.Equal(0, exitCode);
        Assert.Contains("Message poison is not an S3 notification", output);
    }

    private static JsonObject Message(string id, string body) => new()
    {
        ["messageId"] = id,
        ["receiptHandle"] = "handle-" + id,
        ["body"] = body,
        ["attributes"] = new JsonObject { ["ApproximateReceiveCount"] = "1" },
        ["messageAttributes"] = new JsonObject(),
        ["md5OfBody"] = "00000000000000000000000000000000",
        ["eventSource"] = "aws:sqs",
        ["eventSourceARN"] = "arn:aws:sqs:us-east-1:000000000000:pipeline-test-raw-objects",
        ["awsRegion"] = "us-east-1",
    };
}
