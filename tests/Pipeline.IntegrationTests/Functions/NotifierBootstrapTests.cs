using System.Text.Json;
using Pipeline.UnitTests.LambdaRuntime.Fakes;

namespace Pipeline.IntegrationTests.Functions;

/// <summary>The notifier, published as Lambda ships it, starts with its configuration and reads job events.</summary>
public sealed class NotifierBootstrapTests
{
    private const string Succeeded = """
        {"version":"0","id":"abcdef00-1234-5678-9abc-def012345678","detail-type":"Glue Job State Change","source":"aws.glue","account":"000000000000",
         "time":"2026-11-22T05:10:08Z","region":"us-east-1","resources":[],
         "detail":{"jobName":"MyJob","severity":"INFO","state":"SUCCEEDED","jobRunId":"jr_abc","message":"Job run succeeded"}}
        """;

    // One publish serves both tests: publishing is the slow part.
    private static readonly Lazy<Task<string>> Published = new(() => PublishedFunction.PublishAsync("services/Pipeline.Notifier"));

    [Fact]
    public async Task The_published_bootstrap_ignores_a_foreign_job()
    {
        var folder = await Published.Value;
        await using var api = await FakeRuntimeApi.StartAsync();
        api.Enqueue(new QueuedInvocation("req-1", Succeeded, Deadline: DateTimeOffset.UtcNow.AddMinutes(1)));
        await using var process = FunctionProcess.Start(folder, api.Address, "pipeline-test-notifier", new Dictionary<string, string>
        {
            ["PIPELINE_NAME_PREFIX"] = "pipeline-test",
            ["PIPELINE_TOPIC_ARN"] = "arn:aws:sns:us-east-1:000000000000:pipeline-test-job-notifications",
        });

        var post = await api.NextPostAsync();
        var (exitCode, output) = await process.StopAsync();

        Assert.True(post.Kind == PostKind.Response, $"expected a response, got {post.Kind}: {post.Text}\n{output}");
        using var response = JsonDocument.Parse(post.Body);
        Assert.Equal("Ignored", response.RootElement.GetProperty("action").GetString());
        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task The_published_bootstrap_reports_a_missing_topic_as_an_init_error()
    {
        var folder = await Published.Value;
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var process = FunctionProcess.Start(folder, api.Address, "pipeline-test-notifier", new Dictionary<string, string> { ["PIPELINE_NAME_PREFIX"] = "pipeline-test" });

        var post = await api.NextPostAsync();

        // No SIGTERM here: a stop request during init would turn the exit code into "stopped".
        var (exitCode, _) = await process.ExitAsync();

        Assert.Equal(PostKind.InitError, post.Kind);
        Assert.Contains("PIPELINE_TOPIC_ARN", post.ErrorMessage);
        Assert.NotEqual(0, exitCode);
    }
}
