using System.Net;
using Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;

namespace Pipeline.IntegrationTests.LocalCloud.LambdaService;

/// <summary>Parallel invocations start processes up to the function's concurrency, each once; beyond it they queue.</summary>
public sealed class ConcurrencyTests : IAsyncLifetime
{
    private LocalCloudInstance _cloud = null!;

    public async Task InitializeAsync() => _cloud = await LocalCloudInstance.StartAsync();

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [PythonFact]
    public async Task Parallel_invocations_start_one_process_each_and_later_ones_reuse_them()
    {
        var starts = Path.Combine(_cloud.DataDirectory, "starts-parallel");
        await _cloud.CreateFunctionAsync("parallel", environment: new Dictionary<string, string> { ["STARTS_FILE"] = starts });

        var first = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _cloud.InvokeJsonAsync("parallel", """{"action":"sleep","seconds":0.5}""")));
        var pids = first.Select(r => r.Payload.GetProperty("pid").GetInt32()).ToArray();

        Assert.All(first, r => Assert.Null(r.FunctionError));
        Assert.Equal(3, pids.Distinct().Count());
        Assert.Equal(pids.Order(), Processes.Started(starts).Order());

        var again = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _cloud.InvokeJsonAsync("parallel", """{"action":"sleep","seconds":0.2}""")));

        Assert.Subset(pids.ToHashSet(), again.Select(r => r.Payload.GetProperty("pid").GetInt32()).ToHashSet());
        Assert.Equal(3, Processes.Started(starts).Length);
    }

    [PythonFact]
    public async Task Reserved_concurrency_caps_the_processes_and_the_rest_queue()
    {
        var starts = Path.Combine(_cloud.DataDirectory, "starts-capped");
        await _cloud.CreateFunctionAsync("capped", environment: new Dictionary<string, string> { ["STARTS_FILE"] = starts });
        using (var put = await _cloud.Http.PutAsync("/2017-10-31/functions/capped/concurrency", LocalCloudInstance.Json(new Dictionary<string, object?> { ["ReservedConcurrentExecutions"] = 1 })))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _cloud.InvokeJsonAsync("capped", """{"action":"sleep","seconds":0.1}""")));

        Assert.All(results, r => Assert.Null(r.FunctionError));
        Assert.Single(results.Select(r => r.Payload.GetProperty("pid").GetInt32()).Distinct());
        Assert.Single(Processes.Started(starts));
    }

    [Fact]
    public async Task Zero_reserved_concurrency_throttles()
    {
        await _cloud.CreateFunctionAsync("throttled", TestFunction.Inert());
        using (var put = await _cloud.Http.PutAsync("/2017-10-31/functions/throttled/concurrency", LocalCloudInstance.Json(new Dictionary<string, object?> { ["ReservedConcurrentExecutions"] = 0 })))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using var response = await _cloud.InvokeAsync("throttled", "{}");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("TooManyRequestsException", response.Headers.GetValues("X-Amzn-ErrorType").Single());
    }
}
