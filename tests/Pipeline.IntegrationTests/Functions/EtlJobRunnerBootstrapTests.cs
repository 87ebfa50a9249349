using System.Text.Json;
using Pipeline.UnitTests.LambdaRuntime.Fakes;

namespace Pipeline.IntegrationTests.Functions;

/// <summary>The ETL runner, published as Lambda ships it, ignores foreign crawlers and fails on a failed crawl.</summary>
public sealed class EtlJobRunnerBootstrapTests
{
    private const string Failed = """
        {"version":"0","id":"f7965b59-470f-2e06-bb89-a8cebaabefac","detail-type":"Glue Crawler State Change","source":"aws.glue","account":"000000000000",
         "time":"2026-11-22T05:10:08Z","region":"us-east-1","resources":[],
         "detail":{"crawlerName":"pipeline-test-clickstream-raw","errorMessage":"Internal Service Exception","accountId":"000000000000","state":"Failed","message":"Crawler Failed"}}
        """;

    [Fact]
    public async Task The_published_bootstrap_ignores_a_foreign_crawler_and_reports_a_failed_crawl_as_an_error()
    {
        var folder = await PublishedFunction.PublishAsync("services/Pipeline.EtlJobRunner");
        await using var api = await FakeRuntimeApi.StartAsync();
        api.Enqueue(new QueuedInvocation("req-foreign", Failed.Replace("pipeline-test-clickstream-raw", "someone-else", StringComparison.Ordinal), Deadline: DateTimeOffset.UtcNow.AddMinutes(1)));
        api.Enqueue(new QueuedInvocation("req-failed", Failed, Deadline: DateTimeOffset.UtcNow.AddMinutes(1)));
        await using var process = FunctionProcess.Start(folder, api.Address, "pipeline-test-etl-runner", new Dictionary<string, string> { ["PIPELINE_NAME_PREFIX"] = "pipeline-test" });

        var ignored = await api.NextPostAsync();
        var failed = await api.NextPostAsync();
        var (exitCode, output) = await process.StopAsync();

        Assert.True(ignored.Kind == PostKind.Response, $"expected a response, got {ignored.Kind}: {ignored.Text}\n{output}");
        using (var response = JsonDocument.Parse(ignored.Body))
        {
            Assert.Equal("Ignored", response.RootElement.GetProperty("action").GetString());
        }

        Assert.Equal(PostKind.InvocationError, failed.Kind);
        Assert.Equal("req-failed", failed.RequestId);
        Assert.Equal("CrawlFailedException", failed.ErrorType);
        Assert.Contains("Internal Service Exception", failed.ErrorMessage);
        Assert.Equal(0, exitCode);
    }
}
