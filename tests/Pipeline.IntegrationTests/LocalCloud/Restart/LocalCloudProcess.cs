using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.IntegrationTests.LocalCloud.Restart;

/// <summary>
/// LocalCloud as a process of its own (the <c>pipeline-localcloud</c> built beside the tests), so a test can kill it
/// with SIGKILL, as a power cut or the OOM killer would, and start it again over the same data directory.
/// </summary>
internal sealed class LocalCloudProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private LocalCloudProcess(Process process, int port)
    {
        _process = process;
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Endpoint { get; }

    /// <summary>What the process wrote to stdout and stderr.</summary>
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

    /// <param name="dataDirectory">The data directory; the same one again for a restart.</param>
    /// <param name="settings">Extra <c>--key=value</c> settings, e.g. <c>LocalCloud:Lambda:AsyncRetryDelay=00:00:00.2</c>.</param>
    public static async Task<LocalCloudProcess> StartAsync(string dataDirectory, params string[] settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pipeline-localcloud.dll"));
        foreach (var argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--data-dir", dataDirectory }.Concat(settings.Select(s => "--" + s)))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        var cloud = new LocalCloudProcess(Process.Start(start)!, port);
        await cloud.WaitUntilReadyAsync();
        return cloud;
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
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

    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
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
                using var response = await http.GetAsync(new Uri(Endpoint, LocalCloudApp.HealthPath));
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

        throw new TimeoutException($"LocalCloud did not become ready at {Endpoint}:\n{Log}");
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
