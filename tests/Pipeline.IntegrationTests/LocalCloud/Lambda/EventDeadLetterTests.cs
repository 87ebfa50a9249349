using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;
using Pipeline.LocalCloud.Sns;
using Pipeline.LocalCloud.Sqs;

namespace Pipeline.IntegrationTests.LocalCloud.LambdaService;

/// <summary>
/// An Event invocation whose function crashes or hangs past its timeout is tried three times in all (a fresh process
/// each time), then sent to the function's dead-letter queue or topic with Lambda's RequestID, ErrorCode and
/// ErrorMessage attributes.
/// </summary>
public sealed class EventDeadLetterTests : IAsyncLifetime
{
    private LocalCloudInstance _cloud = null!;

    public async Task InitializeAsync() => _cloud = await LocalCloudInstance.StartAsync(settings: "LocalCloud:Lambda:AsyncRetryDelay=00:00:00.200");

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [PythonFact]
    public async Task A_crashing_event_is_tried_three_times_then_sent_to_the_dead_letter_queue()
    {
        var queues = _cloud.App.Services.GetRequiredService<SqsQueueStore>();
        queues.Create("crashy-dlq", null);
        var starts = Path.Combine(_cloud.DataDirectory, "starts.txt");
        await _cloud.CreateFunctionAsync("crashy", environment: new Dictionary<string, string> { ["STARTS_FILE"] = starts });
        var configured = await SetDeadLetterAsync("crashy", queues.GetQueueArn("crashy-dlq"));

        const string payload = """{"action":"crash","code":3}""";
        var requestId = await InvokeEventAsync("crashy", payload);
        IReadOnlyList<SqsReceivedMessage> received = [];
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (received.Count == 0 && DateTime.UtcNow < deadline)
        {
            received = await queues.ReceiveAsync("crashy-dlq", 10, null, TimeSpan.FromSeconds(5));
        }

        Assert.Equal(queues.GetQueueArn("crashy-dlq"), configured.GetProperty("DeadLetterConfig").GetProperty("TargetArn").GetString());
        var message = Assert.Single(received);
        Assert.Equal(payload, message.Body);
        Assert.Equal(requestId, message.MessageAttributes["RequestID"].StringValue);
        Assert.Equal(("Number", "200"), (message.MessageAttributes["ErrorCode"].DataType, message.MessageAttributes["ErrorCode"].StringValue));
        var error = JsonDocument.Parse(message.MessageAttributes["ErrorMessage"].StringValue!).RootElement;
        Assert.Equal("Runtime.ExitError", error.GetProperty("errorType").GetString());
        Assert.Equal(3, File.ReadAllLines(starts).Length);
    }

    [PythonFact]
    public async Task An_event_that_outlives_its_timeout_is_tried_three_times_then_sent_to_the_dead_letter_topic()
    {
        var topics = _cloud.App.Services.GetRequiredService<SnsService>();
        var topic = topics.CreateTopic("slow-dlq");
        var starts = Path.Combine(_cloud.DataDirectory, "starts.txt");
        await _cloud.CreateFunctionAsync("slow", timeout: 1, environment: new Dictionary<string, string> { ["STARTS_FILE"] = starts });
        await SetDeadLetterAsync("slow", topic);

        const string payload = """{"action":"sleep","seconds":30}""";
        var requestId = await InvokeEventAsync("slow", payload);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (topics.Read("slow-dlq").Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var message = Assert.Single(topics.Read("slow-dlq"));
        Assert.Equal(payload, message.Message);
        Assert.Equal(requestId, message.MessageAttributes!["RequestID"].Value);
        var error = JsonDocument.Parse(message.MessageAttributes["ErrorMessage"].Value).RootElement;
        Assert.Equal(("Sandbox.Timedout", "Task timed out after 1.00 seconds"), (error.GetProperty("errorType").GetString(), error.GetProperty("errorMessage").GetString()));
        Assert.Equal(3, File.ReadAllLines(starts).Length);
        Assert.Equal(3, await TimeoutLinesAsync("slow", requestId, 3));
    }

    // Each attempt's timeout line, which is written just after the attempt ends.
    private async Task<int> TimeoutLinesAsync(string function, string requestId, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var log = await FunctionLog.WaitForAsync(_cloud.DataDirectory, function, "");
            var count = log.Split('\n').Count(l => l.EndsWith($"\t{requestId} Task timed out after 1.00 seconds", StringComparison.Ordinal));
            if (count >= expected || DateTime.UtcNow > deadline)
            {
                return count;
            }

            await Task.Delay(50);
        }
    }

    private async Task<JsonElement> SetDeadLetterAsync(string function, string targetArn)
    {
        var body = new Dictionary<string, object?> { ["DeadLetterConfig"] = new Dictionary<string, object?> { ["TargetArn"] = targetArn } };
        using var response = await _cloud.Http.PutAsync($"/2015-03-31/functions/{function}/configuration", LocalCloudInstance.Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<string> InvokeEventAsync(string function, string payload)
    {
        using var response = await _cloud.InvokeAsync(function, payload, "Event");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return response.Headers.GetValues("x-amzn-RequestId").Single();
    }
}
