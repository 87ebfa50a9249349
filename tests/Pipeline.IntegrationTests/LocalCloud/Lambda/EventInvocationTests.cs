using System.Net;
using Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;

namespace Pipeline.IntegrationTests.LocalCloud.LambdaService;

/// <summary>An Event invocation is accepted at once (202), runs in the background, and is retried twice when it fails.</summary>
public sealed class EventInvocationTests : IAsyncLifetime
{
    private LocalCloudInstance _cloud = null!;

    public async Task InitializeAsync() => _cloud = await LocalCloudInstance.StartAsync(settings: "LocalCloud:Lambda:AsyncRetryDelay=00:00:00.100");

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [PythonFact]
    public async Task The_event_is_accepted_then_run()
    {
        await _cloud.CreateFunctionAsync("async");
        var marker = Path.Combine(_cloud.DataDirectory, "event-ran");

        using var response = await _cloud.InvokeAsync("async", $$"""{"action":"append","file":"{{marker}}","line":"ran"}""", "Event");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["ran"], await LinesAsync(marker, 1));
    }

    [PythonFact]
    public async Task A_failing_event_is_tried_three_times_in_all()
    {
        await _cloud.CreateFunctionAsync("async-failing");
        var marker = Path.Combine(_cloud.DataDirectory, "event-attempts");

        using var response = await _cloud.InvokeAsync("async-failing", $$"""{"action":"fail","file":"{{marker}}","line":"attempt"}""", "Event");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(["attempt", "attempt", "attempt"], await LinesAsync(marker, 3));
        await Task.Delay(500);
        Assert.Equal(3, File.ReadAllLines(marker).Length);
    }

    [Fact]
    public async Task DryRun_checks_and_runs_nothing()
    {
        await _cloud.CreateFunctionAsync("dry", TestFunction.Inert());

        using var response = await _cloud.InvokeAsync("dry", "{}", "DryRun");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private static async Task<string[]> LinesAsync(string file, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(file) && File.ReadAllLines(file) is { } lines && lines.Length >= count)
            {
                return lines;
            }

            await Task.Delay(50);
        }

        return File.Exists(file) ? File.ReadAllLines(file) : [];
    }
}
