using System.Diagnostics;
using Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;

namespace Pipeline.IntegrationTests.LocalCloud.LambdaService;

/// <summary>
/// An invocation that outlives its timeout fails with Sandbox.Timedout, said in the function's log as Lambda says it,
/// and its process is killed and replaced.
/// </summary>
public sealed class TimeoutTests : IAsyncLifetime
{
    private LocalCloudInstance _cloud = null!;

    public async Task InitializeAsync() => _cloud = await LocalCloudInstance.StartAsync();

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [PythonFact]
    public async Task The_caller_gets_lambdas_timeout_error_at_the_deadline_and_the_next_invocation_a_fresh_process()
    {
        await _cloud.CreateFunctionAsync("slow", timeout: 1);
        var (warm, _) = await _cloud.InvokeJsonAsync("slow", "{}");
        var stale = warm.GetProperty("pid").GetInt32();

        var clock = Stopwatch.StartNew();
        var (error, functionError) = await _cloud.InvokeJsonAsync("slow", """{"action":"sleep","seconds":30}""");
        clock.Stop();

        Assert.Equal("Unhandled", functionError);
        Assert.Equal("Sandbox.Timedout", error.GetProperty("errorType").GetString());
        Assert.Equal("Task timed out after 1.00 seconds", error.GetProperty("errorMessage").GetString());
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
        Assert.Empty(await Processes.StillRunningAfterAsync([stale], TimeSpan.FromSeconds(5)));

        var logged = await FunctionLog.WaitForAsync(_cloud.DataDirectory, "slow", "Task timed out");
        Assert.Matches(@"\t[0-9a-f-]{36} Task timed out after 1\.00 seconds\n", logged);

        var (next, nextError) = await _cloud.InvokeJsonAsync("slow", "{}");
        Assert.Null(nextError);
        Assert.NotEqual(stale, next.GetProperty("pid").GetInt32());
    }
}
