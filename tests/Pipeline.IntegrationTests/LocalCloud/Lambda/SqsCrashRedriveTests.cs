using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;
using Pipeline.LocalCloud.Sqs;

namespace Pipeline.IntegrationTests.LocalCloud.LambdaService;

/// <summary>
/// A function process that crashes on an SQS batch leaves its message in the queue: it is received again after the
/// visibility timeout, by a new process, and after maxReceiveCount receives the queue's redrive policy moves it to the
/// dead-letter queue; each crash is in the function's log.
/// </summary>
public sealed class SqsCrashRedriveTests : IAsyncLifetime
{
    private LocalCloudInstance _cloud = null!;

    public async Task InitializeAsync() => _cloud = await LocalCloudInstance.StartAsync();

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [PythonFact]
    public async Task The_crashing_message_is_retried_then_moved_to_the_dead_letter_queue()
    {
        var queues = _cloud.App.Services.GetRequiredService<SqsQueueStore>();
        queues.Create("work-dlq", null);
        var redrive = $$"""{"deadLetterTargetArn":"{{queues.GetQueueArn("work-dlq")}}","maxReceiveCount":"2"}""";
        queues.Create("work", new Dictionary<string, string> { ["VisibilityTimeout"] = "1", ["RedrivePolicy"] = redrive });
        var tried = Path.Combine(_cloud.DataDirectory, "tried.txt");
        await _cloud.CreateFunctionAsync("crashy");
        var body = JsonSerializer.Serialize(new Dictionary<string, object?> { ["action"] = "crash", ["code"] = 1, ["file"] = tried, ["line"] = "tried" }, TestJson.Default.DictionaryStringObject);
        await queues.SendAsync("work", body);

        using var response = await _cloud.Http.PostAsync("/2015-03-31/event-source-mappings", LocalCloudInstance.Json(new Dictionary<string, object?>
        {
            ["EventSourceArn"] = queues.GetQueueArn("work"),
            ["FunctionName"] = "crashy",
            ["BatchSize"] = 1,
        }));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var uuid = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("UUID").GetString();
        IReadOnlyList<SqsReceivedMessage> moved = [];
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (moved.Count == 0 && DateTime.UtcNow < deadline)
        {
            moved = await queues.ReceiveAsync("work-dlq", 10, null, TimeSpan.FromSeconds(5));
        }

        using (await _cloud.Http.DeleteAsync($"/2015-03-31/event-source-mappings/{uuid}"))
        {
        }

        var left = queues.GetAttributes("work", ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]);
        Assert.Equal(body, Assert.Single(moved).Body);
        Assert.Equal(["tried", "tried"], File.ReadAllLines(tried));
        Assert.Equal(0, left.Values.Sum(v => int.Parse(v, CultureInfo.InvariantCulture)));
        var log = await FunctionLog.WaitForAsync(_cloud.DataDirectory, "crashy", "exit status 1");
        Assert.Equal(2, log.Split('\n').Count(l => l.EndsWith("Error: Runtime exited with error: exit status 1", StringComparison.Ordinal)));
    }
}
