using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Pipeline.LocalCloud.Hosting;
using Pipeline.Provisioning;

namespace Pipeline.IntegrationTests.LocalCloud.Cli;

/// <summary>LocalCloud in process on a free loopback port over a temporary data directory, restartable over the same directory.</summary>
public sealed class LocalCloudFixture : IAsyncLifetime
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "localcloud-" + Guid.NewGuid().ToString("N"));

    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "localcloud-cli-" + Guid.NewGuid().ToString("N"));

    public WebApplication App { get; private set; } = null!;

    public string EndpointUrl { get; private set; } = string.Empty;

    internal AwsCli Cli => new(EndpointUrl, WorkDirectory);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkDirectory);
        await StartAsync();
    }

    /// <summary>Stops LocalCloud and starts a new one over the same data directory.</summary>
    public async Task RestartAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        foreach (var directory in new[] { DataDirectory, WorkDirectory })
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean up.
            }
        }
    }

    private async Task StartAsync()
    {
        var port = FreePort();
        App = LocalCloudApp.Build(
        [
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--data-dir", DataDirectory,
            "--LocalCloud:Glue:Scripts:pipeline_etl.py", Executables.PathOf("Pipeline.LocalGlueJob", typeof(LocalCloudFixture).Assembly),
        ]);
        await App.StartAsync();
        EndpointUrl = $"http://127.0.0.1:{port}";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
