using System.Diagnostics;
using System.Globalization;

namespace Pipeline.IntegrationTests.Functions;

/// <summary>A published function's <c>bootstrap</c> running against a Runtime API, stopped with SIGTERM as Lambda stops it.</summary>
internal sealed class FunctionProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private FunctionProcess(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts <c>bootstrap</c> from <paramref name="folder"/> with the Lambda variables and <paramref name="environment"/>.</summary>
    public static FunctionProcess Start(string folder, string runtimeApi, string functionName, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Path.Combine(folder, "bootstrap")) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = functionName;
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");

        // Nothing here may reach a real AWS account.
        start.Environment["AWS_REGION"] = "us-east-1";
        start.Environment["AWS_ACCESS_KEY_ID"] = "testing";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "testing";
        start.Environment["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new FunctionProcess(Process.Start(start)!);
    }

    /// <summary>Sends SIGTERM and returns the exit code and everything the process wrote.</summary>
    public async Task<(int ExitCode, string Output)> StopAsync()
    {
        if (!_process.HasExited)
        {
            Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        return (_process.ExitCode, await _stdout + await _stderr);
    }

    /// <summary>Waits for the process to end by itself (an init failure ends it) and returns what <see cref="StopAsync"/> does.</summary>
    public async Task<(int ExitCode, string Output)> ExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        return (_process.ExitCode, await _stdout + await _stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
