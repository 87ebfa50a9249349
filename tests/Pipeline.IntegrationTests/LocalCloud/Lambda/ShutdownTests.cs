using Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;

namespace Pipeline.IntegrationTests.LocalCloud.LambdaService;

/// <summary>Stopping LocalCloud stops every function process, children of careless bootstraps included.</summary>
public sealed class ShutdownTests
{
    [PythonFact]
    public async Task Disposing_LocalCloud_leaves_no_function_process_running()
    {
        var cloud = await LocalCloudInstance.StartAsync();
        int[] pids;
        try
        {
            var starts = Path.Combine(cloud.DataDirectory, "starts");
            var variables = new Dictionary<string, string> { ["STARTS_FILE"] = starts };
            await cloud.CreateFunctionAsync("exec", environment: variables);
            await cloud.CreateFunctionAsync("noexec", TestFunction.Package(exec: false), environment: variables);
            await Task.WhenAll(
                cloud.InvokeJsonAsync("exec", """{"action":"sleep","seconds":0.3}"""),
                cloud.InvokeJsonAsync("exec", """{"action":"sleep","seconds":0.3}"""),
                cloud.InvokeJsonAsync("noexec", "{}"));

            // Idle and busy alike: one more invocation is still running when LocalCloud goes.
            _ = cloud.InvokeAsync("exec", """{"action":"sleep","seconds":30}""");
            await Task.Delay(300);
            pids = Processes.Started(starts);
            Assert.True(pids.Length >= 3, $"expected at least 3 processes, saw {pids.Length}");
            Assert.All(pids, pid => Assert.True(Processes.IsRunning(pid)));
        }
        finally
        {
            await cloud.DisposeAsync();
        }

        Assert.Empty(await Processes.StillRunningAfterAsync(pids, TimeSpan.FromSeconds(2)));
    }
}
