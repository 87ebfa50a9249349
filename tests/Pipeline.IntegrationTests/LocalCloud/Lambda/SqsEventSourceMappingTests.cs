using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Aws;
using Pipeline.Aws.Lambda;
using Pipeline.AwsShapes.Lambda;
using Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;
using Pipeline.LocalCloud.Sqs;

namespace Pipeline.IntegrationTests.LocalCloud.LambdaService;

/// <summary>
/// An SQS event source mapping made with the pipeline's Lambda client drives a real function process: batches arrive
/// in Lambda's SQS event shape, the message the function reports as failed comes back after its visibility timeout,
/// and the others are deleted.
/// </summary>
public sealed class SqsEventSourceMappingTests : IAsyncLifetime
{
    // Appends each record's body and receive count to LOG_FILE and reports bodies starting with "fail" as failures.
    private const string Script = """
        import json, os, urllib.request
        api = "http://" + os.environ["AWS_LAMBDA_RUNTIME_API"] + "/2018-06-01/runtime"
        while True:
            with urllib.request.urlopen(api + "/invocation/next") as response:
                request_id = response.headers["Lambda-Runtime-Aws-Request-Id"]
                event = json.loads(response.read())
            failures = []
            with open(os.environ["LOG_FILE"], "a") as log:
                for record in event["Records"]:
                    log.write(json.dumps({"body": record["body"], "count": record["attributes"]["ApproximateReceiveCount"],
                                          "source": record["eventSourceARN"], "batch": len(event["Records"])}) + "\n")
                    if record["body"].startswith("fail"):
                        failures.append({"itemIdentifier": record["messageId"]})
            body = json.dumps({"batchItemFailures": failures}).encode()
            urllib.request.urlopen(urllib.request.Request(api + "/invocation/" + request_id + "/response", data=body, method="POST")).read()
        """;

    private LocalCloudInstance _cloud = null!;
    private string _log = null!;

    public async Task InitializeAsync()
    {
        _cloud = await LocalCloudInstance.StartAsync();
        _log = Path.Combine(_cloud.DataDirectory, "received.jsonl");
    }

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [PythonFact]
    public async Task A_reported_failure_is_redelivered_and_the_rest_are_deleted()
    {
        var queues = _cloud.App.Services.GetRequiredService<SqsQueueStore>();
        queues.Create("crawler-trigger", new Dictionary<string, string> { ["VisibilityTimeout"] = "2" });
        var queueArn = queues.GetQueueArn("crawler-trigger");
        await _cloud.CreateFunctionAsync("trigger", Package(), environment: new Dictionary<string, string> { ["LOG_FILE"] = _log });
        foreach (var body in new[] { "ok-1", "fail-1", "ok-2" })
        {
            await queues.SendAsync("crawler-trigger", body);
        }

        var lambda = Client();
        var mapping = await lambda.CreateEventSourceMappingAsync(new CreateEventSourceMappingRequest
        {
            EventSourceArn = queueArn,
            FunctionName = "trigger",
            BatchSize = 20,
            MaximumBatchingWindowInSeconds = 1,
            FunctionResponseTypes = ["ReportBatchItemFailures"],
        });
        var lines = await WaitForAsync(l => l.Count(x => x.Body == "fail-1") >= 2);
        var remaining = queues.GetAttributes("crawler-trigger", ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]);
        var listed = await lambda.ListEventSourceMappingsAsync("trigger", queueArn);
        await lambda.DeleteEventSourceMappingAsync(mapping.UUID!);

        Assert.Equal(("Creating", 20, 1), (mapping.State, mapping.BatchSize, mapping.MaximumBatchingWindowInSeconds));
        Assert.Equal(["ReportBatchItemFailures"], mapping.FunctionResponseTypes!);
        Assert.Equal("arn:aws:lambda:us-east-1:000000000000:function:trigger", mapping.FunctionArn);
        Assert.Equal(1, lines.Count(l => l.Body == "ok-1"));
        Assert.Equal(1, lines.Count(l => l.Body == "ok-2"));
        Assert.Equal(["1", "2"], lines.Where(l => l.Body == "fail-1").Take(2).Select(l => l.Count));
        Assert.Equal(3, lines[0].Batch);
        Assert.All(lines, l => Assert.Equal(queueArn, l.Source));
        Assert.Equal(1, int.Parse(remaining["ApproximateNumberOfMessages"], System.Globalization.CultureInfo.InvariantCulture)
            + int.Parse(remaining["ApproximateNumberOfMessagesNotVisible"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("Enabled", mapping.UUID), (Assert.Single(listed).State, listed[0].UUID));
        Assert.Empty(await lambda.ListEventSourceMappingsAsync("trigger", null));
    }

    [PythonFact]
    public async Task Lambda_refuses_duplicate_mappings_and_bad_settings()
    {
        var queues = _cloud.App.Services.GetRequiredService<SqsQueueStore>();
        queues.Create("jobs", null);
        var queueArn = queues.GetQueueArn("jobs");
        await _cloud.CreateFunctionAsync("worker", TestFunction.Inert());
        var lambda = Client();
        var request = new CreateEventSourceMappingRequest { EventSourceArn = queueArn, FunctionName = "worker", Enabled = false };
        var created = await lambda.CreateEventSourceMappingAsync(request);

        var duplicate = await Assert.ThrowsAsync<AwsServiceException>(() => lambda.CreateEventSourceMappingAsync(request));
        var noWindow = await Assert.ThrowsAsync<AwsServiceException>(() => lambda.CreateEventSourceMappingAsync(request with { BatchSize = 11 }));
        var noQueue = await Assert.ThrowsAsync<AwsServiceException>(() => lambda.CreateEventSourceMappingAsync(request with { EventSourceArn = queueArn + "-missing" }));
        var noFunction = await Assert.ThrowsAsync<AwsServiceException>(() => lambda.CreateEventSourceMappingAsync(request with { FunctionName = "missing" }));
        var unknown = await Assert.ThrowsAsync<AwsServiceException>(() => lambda.DeleteEventSourceMappingAsync(Guid.NewGuid().ToString()));

        Assert.Equal(10, created.BatchSize);
        Assert.Equal("ResourceConflictException", duplicate.ErrorCode);
        Assert.Contains(created.UUID!, duplicate.Message, StringComparison.Ordinal);
        Assert.Equal("InvalidParameterValueException", noWindow.ErrorCode);
        Assert.Contains("Maximum batch window", noWindow.Message, StringComparison.Ordinal);
        Assert.Equal("InvalidParameterValueException", noQueue.ErrorCode);
        Assert.Equal("ResourceNotFoundException", noFunction.ErrorCode);
        Assert.Equal("ResourceNotFoundException", unknown.ErrorCode);
        Assert.Equal("Disabled", Assert.Single(await lambda.ListEventSourceMappingsAsync(null, queueArn)).State);
    }

    [PythonFact]
    public async Task Mappings_survive_a_restart()
    {
        var directory = Directory.CreateTempSubdirectory("localcloud-esm-it-").FullName;
        try
        {
            string uuid;
            await using (var first = await LocalCloudInstance.StartAsync(directory))
            {
                var queues = first.App.Services.GetRequiredService<SqsQueueStore>();
                queues.Create("kept", null);
                await first.CreateFunctionAsync("keeper", TestFunction.Inert());
                uuid = (await Client(first).CreateEventSourceMappingAsync(new CreateEventSourceMappingRequest { EventSourceArn = queues.GetQueueArn("kept"), FunctionName = "keeper", Enabled = false })).UUID!;
            }

            await using var restarted = await LocalCloudInstance.StartAsync(directory);
            var listed = await Client(restarted).ListEventSourceMappingsAsync("keeper", null);

            Assert.Equal(uuid, Assert.Single(listed).UUID);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private LambdaClient Client(LocalCloudInstance? cloud = null) => new AwsClientFactory(new AwsClientOptions
    {
        Endpoint = (cloud ?? _cloud).Endpoint,
        Region = "us-east-1",
        Credentials = new BasicAWSCredentials("test", "test"),
        GetEnvironmentVariable = _ => null,
    }).CreateLambda();

    private async Task<List<(string Body, string Count, string Source, int Batch)>> WaitForAsync(Func<List<(string Body, string Count, string Source, int Batch)>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var lines = File.Exists(_log)
                ? File.ReadAllLines(_log).Where(l => l.Length > 0).Select(l =>
                {
                    using var d = JsonDocument.Parse(l);
                    var r = d.RootElement;
                    return (r.GetProperty("body").GetString()!, r.GetProperty("count").GetString()!, r.GetProperty("source").GetString()!, r.GetProperty("batch").GetInt32());
                }).ToList()
                : [];
            if (done(lines))
            {
                return lines;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The function did not see the expected deliveries in time: {string.Join(" | ", lines)}");
            await Task.Delay(200);
        }
    }

    private static byte[] Package()
    {
        var python = Tools.Python ?? throw new InvalidOperationException(Tools.PythonMissing);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, mode) in new[]
            {
                ("bootstrap", $"#!/bin/sh\nexec \"{python}\" \"$LAMBDA_TASK_ROOT/function.py\"\n", 0b1000_000_111_101_101 << 16),
                ("function.py", Script.Replace("\r\n", "\n", StringComparison.Ordinal), 0b1000_000_110_100_100 << 16),
            })
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                entry.ExternalAttributes = mode;
                using var stream = entry.Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return buffer.ToArray();
    }
}
