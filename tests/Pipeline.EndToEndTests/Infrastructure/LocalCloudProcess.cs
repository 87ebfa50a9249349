using System.Diagnostics;
using System.Globalization;
using System.Text;
using Amazon.Runtime;
using Pipeline.Provisioning;
using Pipeline.Aws;

namespace Pipeline.EndToEndTests.Infrastructure;

/// <summary>
/// LocalCloud as its own process (as `dotnet run --project services/Pipeline.LocalCloud` runs it), so a test can
/// kill it outright and start it again over the same data directory.
/// </summary>
internal sealed class LocalCloudProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private LocalCloudProcess(Process process, int port, string dataDirectory)
    {
        _process = process;
        Port = port;
        DataDirectory = dataDirectory;
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public string DataDirectory { get; }

    public Uri Endpoint { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <param name="faultPoint">LocalCloud's test-only fault point: it kills itself with SIGKILL the first time it gets there.</param>
    public static async Task<LocalCloudProcess> StartAsync(string dataDirectory, int? port = null, string? faultPoint = null)
    {
        var chosen = port ?? FreePort.Next();
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            ArgumentList = { Programs.LocalCloud, "--port", chosen.ToString(CultureInfo.InvariantCulture), "--data-dir", dataDirectory },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        start.Environment.Remove("LocalCloud__FaultPoint");
        start.Environment["LocalCloud__Glue__Scripts__pipeline_etl.py"] = Programs.LocalGlueJob;
        if (faultPoint is not null)
        {
            start.Environment["LocalCloud__FaultPoint"] = faultPoint;
        }

        var cloud = new LocalCloudProcess(Process.Start(start)!, chosen, dataDirectory);
        await cloud.WaitUntilReadyAsync();
        return cloud;
    }

    public AwsClientFactory Clients() => new(new AwsClientOptions
    {
        Endpoint = Endpoint,
        Region = "us-east-1",
        Credentials = new BasicAWSCredentials("test", "test"),
    });

    public Dictionary<string, string?> ClientEnvironment() => new(StringComparer.Ordinal)
    {
        ["AWS_ENDPOINT_URL"] = Endpoint.ToString().TrimEnd('/'),
        ["AWS_REGION"] = "us-east-1",
        ["AWS_DEFAULT_REGION"] = "us-east-1",
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
    };

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut or an OOM kill.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    /// <summary>Waits for the process to kill itself at its fault point; fails if it exits otherwise or not in time.</summary>
    public async Task WaitForFaultAsync(string faultPoint, TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(timeout)) != exited)
        {
            throw new TimeoutException($"LocalCloud did not reach its fault point {faultPoint} within {timeout.TotalSeconds} s:\n{Log}");
        }

        // The output is read asynchronously: the last lines may arrive just after the exit.
        await _process.WaitForExitAsync();
        Assert.True(
            Log.Contains($"killing the process at {faultPoint}", StringComparison.Ordinal),
            $"LocalCloud exited with {_process.ExitCode} without reaching {faultPoint}:\n{Log}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            var exited = _process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(15))) != exited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"LocalCloud exited with {_process.ExitCode}:\n{Log}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint, "/_localcloud/health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"LocalCloud did not become ready on port {Port}:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }
}
