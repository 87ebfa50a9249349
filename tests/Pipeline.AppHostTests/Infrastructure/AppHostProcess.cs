using System.Diagnostics;
using System.Globalization;
using Amazon.Runtime;
using Pipeline.Aws;

namespace Pipeline.AppHostTests.Infrastructure;

/// <summary>
/// The built app host (<c>Pipeline.AppHost.dll</c>, beside this test assembly) run as its own OS process, as
/// <c>dotnet run --project Pipeline.AppHost</c> runs it, so that the whole run can be killed as a crash would.
/// Its output goes to <see cref="LogPath"/>.
/// </summary>
internal sealed class AppHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly LogFile _log;

    private AppHostProcess(Process process, LogFile log, string logPath, int port, string dataDirectory)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
        Port = port;
        DataDirectory = dataDirectory;
    }

    public int Pid => _process.Id;

    public int Port { get; }

    public string DataDirectory { get; }

    public string LogPath { get; }

    public AwsClientFactory Aws => new(new AwsClientOptions
    {
        Endpoint = new Uri($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}"),
        Region = "us-east-1",
        Credentials = new BasicAWSCredentials("test", "test"),
    });

    public static AppHostProcess Start(string dataDirectory, int port, double generatorRate, string logPath)
    {
        var appHost = Path.Combine(AppContext.BaseDirectory, "Pipeline.AppHost.dll");
        if (!File.Exists(appHost))
        {
            throw new FileNotFoundException($"The app host is not built beside the tests ({appHost}).", appHost);
        }

        var start = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in new[]
        {
            appHost,
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--data-dir", dataDirectory,
            "--generator-rate", generatorRate.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        // What the app host's launch profile sets for `dotnet run`, on free ports.
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        start.Environment["ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS"] = "true";
        start.Environment["ASPNETCORE_URLS"] = Loopback(FreePort.Next());
        start.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = Loopback(FreePort.Next());

        var log = new LogFile(logPath);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => log.Write(e.Data);
        process.ErrorDataReceived += (_, e) => log.Write(e.Data);
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            log.Dispose();
            throw;
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AppHostProcess(process, log, logPath, port, dataDirectory);
    }

    /// <summary>Throws, with the end of its output, when the app host has exited.</summary>
    public void ThrowIfExited()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"The app host exited with {_process.ExitCode}. The end of its output:\n{Tail(40)}");
        }
    }

    public string Tail(int lines)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException e)
        {
            return $"(no output: {e.Message})";
        }
    }

    public void Dispose()
    {
        _process.Dispose();
        _log.Dispose();
    }

    private static string Loopback(int port) => $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";

    // The `dotnet` running these tests (testhost runs under it), else the one on the PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet"
                ? path
                : "dotnet";

    /// <summary>The app host's output; lines that come after it is closed are dropped.</summary>
    private sealed class LogFile(string path) : IDisposable
    {
        private readonly StreamWriter _writer = new(path, append: true) { AutoFlush = true };
        private readonly Lock _lock = new();
        private bool _closed;

        public void Write(string? line)
        {
            lock (_lock)
            {
                if (line is not null && !_closed)
                {
                    _writer.WriteLine(line);
                }
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _closed = true;
                _writer.Dispose();
            }
        }
    }
}
