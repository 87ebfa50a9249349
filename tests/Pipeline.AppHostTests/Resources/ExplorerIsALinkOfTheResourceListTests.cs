using System.Text.Json;
using Pipeline.AppHostTests.Infrastructure;

namespace Pipeline.AppHostTests.Resources;

/// <summary>
/// The Explorer as the dashboard lists it: a top-level resource with an http endpoint (the link in the resource
/// list) that serves the page and asks LocalCloud's Athena in the pipeline's workgroup.
/// </summary>
[Collection(RunningPipelineCollection.Name)]
public sealed class ExplorerIsALinkOfTheResourceListTests(RunningPipeline pipeline)
{
    [Fact]
    public async Task The_explorers_endpoint_serves_the_page_and_answers_from_athena()
    {
        var explorer = pipeline.Host.Resources.OfType<ProjectResource>().Single(r => r.Name == "explorer");
        var endpoint = explorer.GetEndpoint("http");
        using var http = new HttpClient { BaseAddress = new Uri(endpoint.Url), Timeout = TimeSpan.FromMinutes(2) };

        var page = await http.GetStringAsync("/");
        using var config = JsonDocument.Parse(await http.GetStringAsync("/api/config"));
        using var answer = JsonDocument.Parse(await http.GetStringAsync("/api/queries/clicks-by-action"));

        Assert.Contains("Pipeline Explorer", page, StringComparison.Ordinal);
        Assert.Equal(StageData.WorkGroup, config.RootElement.GetProperty("workGroup").GetString());
        // Athena answered (the stage table may not exist yet on a paused pipeline): a state Athena gives, not the Explorer's ERROR.
        Assert.Contains(answer.RootElement.GetProperty("state").GetString(), new[] { "SUCCEEDED", "FAILED" });
    }
}
