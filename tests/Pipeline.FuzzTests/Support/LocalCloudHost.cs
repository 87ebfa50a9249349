using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.FuzzTests.Support;

/// <summary>
/// LocalCloud in process on a free loopback port with a fresh data directory, started once per test class: the
/// requests go through Kestrel, the router and each service's parser exactly as an SDK's would.
/// </summary>
public sealed class LocalCloudHost : IAsyncLifetime
{
    private WebApplication? _app;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "fuzz-localcloud-" + Guid.NewGuid().ToString("N"));

    public int Port { get; private set; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    /// <summary>No timeout of its own: each case brings its deadline, so a hang is reported with its input.</summary>
    public HttpClient Client { get; } = new() { Timeout = Timeout.InfiniteTimeSpan };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        Port = FreePort();
        _app = LocalCloudApp.Build(
        [
            "--port", Port.ToString(CultureInfo.InvariantCulture),
            "--data-dir", DataDirectory,
            "--Logging:LogLevel:Default", "Critical",
        ]);
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a run over.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
