using Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;

namespace Pipeline.IntegrationTests.LocalCloud.LambdaService;

/// <summary>
/// A process that dies holding an invocation fails it with Runtime.ExitError, written to the function's log as Lambda
/// writes it; the next invocation gets a new process.
/// </summary>
public sealed class CrashTests : IAsyncLifetime
{
    private LocalCloudInstance _cloud = null!;

    public async Task InitializeAsync() => _cloud = await LocalCloudInstance.StartAsync();

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [PythonFact]
    public async Task The_crashed_invocation_fails_with_the_exit_status_and_the_next_one_runs()
    {
        await _cloud.CreateFunctionAsync("crashy");
        var (before, _) = await _cloud.InvokeJsonAsync("crashy", "{}");

        var (error, functionError) = await _cloud.InvokeJsonAsync("crashy", """{"action":"crash","code":7}""");
        var (after, afterError) = await _cloud.InvokeJsonAsync("crashy", "{}");

        Assert.Equal("Unhandled", functionError);
        Assert.Equal("Runtime.ExitError", error.GetProperty("errorType").GetString());
        Assert.Matches(@"^RequestId: [0-9a-f-]{36} Error: Runtime exited with error: exit status 7$", error.GetProperty("errorMessage").GetString());
        Assert.Null(afterError);
        Assert.NotEqual(before.GetProperty("pid").GetInt32(), after.GetProperty("pid").GetInt32());
        var logged = await FunctionLog.WaitForAsync(_cloud.DataDirectory, "crashy", "Runtime.ExitError");
        Assert.Contains($"\t{error.GetProperty("errorMessage").GetString()}", logged, StringComparison.Ordinal);
        Assert.Contains(logged.Split('\n'), line => line.EndsWith("\tRuntime.ExitError", StringComparison.Ordinal));
    }

    [PythonFact]
    public async Task A_process_that_exits_before_asking_for_work_fails_the_invocation_that_started_it()
    {
        await _cloud.CreateFunctionAsync("dies", environment: new Dictionary<string, string> { ["EXIT_AT_START"] = "1" });

        var (error, functionError) = await _cloud.InvokeJsonAsync("dies", "{}");

        Assert.Equal("Unhandled", functionError);
        Assert.Equal("Runtime.ExitError", error.GetProperty("errorType").GetString());
        Assert.EndsWith("exit status 4", error.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [PythonFact]
    public async Task An_init_error_is_the_invocations_error()
    {
        await _cloud.CreateFunctionAsync("initfails", environment: new Dictionary<string, string> { ["INIT_ERROR"] = "1" });

        var (error, functionError) = await _cloud.InvokeJsonAsync("initfails", "{}");

        Assert.Equal("Unhandled", functionError);
        Assert.Equal("InitError", error.GetProperty("errorType").GetString());
        Assert.Equal("init failed on purpose", error.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task A_bootstrap_that_cannot_be_executed_fails_the_invocation_with_invalid_entrypoint()
    {
        var package = TestZipOf("bootstrap", "no shebang, not a binary");
        await _cloud.CreateFunctionAsync("broken", package);

        var (error, functionError) = await _cloud.InvokeJsonAsync("broken", "{}");

        Assert.Equal("Unhandled", functionError);
        Assert.Equal("Runtime.InvalidEntrypoint", error.GetProperty("errorType").GetString());
    }

    private static byte[] TestZipOf(string name, string content)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry(name);
            entry.ExternalAttributes = 0b1000_000_111_101_101 << 16;
            using var stream = entry.Open();
            stream.Write(System.Text.Encoding.UTF8.GetBytes(content));
        }

        return buffer.ToArray();
    }
}
