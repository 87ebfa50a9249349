using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Pipeline.Aws;
using Xunit;

namespace Pipeline.IntegrationTests.Moto;

/// <summary>
/// Runs <c>moto_server</c> (moto's mock of AWS, written by people other than us) on a free loopback port for the
/// tests of one collection, and stops it afterwards. Where moto is not installed the fixture stays idle: the tests
/// are skipped by <see cref="MotoFactAttribute"/> outside CI, and fail with the reason in CI.
/// </summary>
public sealed class MotoServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartupPatience = TimeSpan.FromSeconds(30);
    private Process? _process;
    private Uri? _endpoint;
    private string? _startupFailure;

    /// <summary>moto's endpoint; throws the reason when the server is not running.</summary>
    public Uri Endpoint => _endpoint ?? throw new InvalidOperationException(_startupFailure ?? MotoLocator.MissingReason ?? "moto_server was not started.");

    /// <summary>Clients for moto: fixed dummy credentials, us-east-1, and no environment leaking in (no real endpoint can be reached).</summary>
    public AwsClientFactory Clients => new(new AwsClientOptions
    {
        Region = "us-east-1",
        Endpoint = Endpoint,
        Credentials = new BasicAWSCredentials("testing", "testing"),
        GetEnvironmentVariable = _ => null,
    });

    public async Task InitializeAsync()
    {
        if (MotoLocator.Path is not { } executable)
        {
            await Console.Error.WriteLineAsync($"[moto] {MotoLocator.MissingReason}");
            return;
        }

        var port = FreePort();
        var start = new ProcessStartInfo(executable, ["-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        // Drain the logs so a chatty server never blocks on a full pipe.
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var endpoint = new Uri($"http://127.0.0.1:{port}");
        if (await WaitUntilAnsweringAsync(endpoint))
        {
            _endpoint = endpoint;
        }
        else
        {
            _startupFailure = $"moto_server ({executable}) did not answer on {endpoint} within {StartupPatience.TotalSeconds} s.";
            await Console.Error.WriteLineAsync($"[moto] {_startupFailure}");
        }
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            // moto_server is often a pyenv shim around python: stop the whole tree this fixture started.
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }

    private async Task<bool> WaitUntilAnsweringAsync(Uri endpoint)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartupPatience;
        while (DateTime.UtcNow < deadline && _process is { HasExited: false })
        {
            try
            {
                using var response = await http.GetAsync(new Uri(endpoint, "/moto-api/"));
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but still importing; ask again.
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
