using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Microsoft.AspNetCore.Builder;
using Pipeline.Aws;
using Pipeline.Explorer.Hosting;
using Pipeline.IntegrationTests.LocalCloud.Cli;

namespace Pipeline.IntegrationTests.Explorer;

/// <summary>
/// LocalCloud with a seeded catalog (<see cref="SeededLake"/>) and the Explorer in front of it, both in process on
/// loopback ports. The Explorer gets no endpoint of its own: it reads AWS_ENDPOINT_URL-style options, as under the
/// app host.
/// </summary>
public sealed class ExplorerFixture : IAsyncLifetime
{
    private readonly LocalCloudFixture _cloud = new();
    private WebApplication? _explorer;

    public Uri Explorer { get; private set; } = null!;

    /// <summary>Clients of the same LocalCloud, for asking what the data holds.</summary>
    public AwsClientFactory Aws { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _cloud.InitializeAsync();
        var options = new AwsClientOptions
        {
            Endpoint = new Uri(_cloud.EndpointUrl),
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials("test", "test"),
            GetEnvironmentVariable = _ => null,
        };
        Aws = new AwsClientFactory(options);
        await SeededLake.SeedAsync(Aws, _cloud.WorkDirectory, TimeProvider.System);

        var port = FreePort();
        _explorer = ExplorerApp.Build(["--port", port.ToString(CultureInfo.InvariantCulture), "--refresh-seconds", "5"], options);
        await _explorer.StartAsync();
        Explorer = new Uri($"http://127.0.0.1:{port}/");
    }

    public async Task DisposeAsync()
    {
        if (_explorer is not null)
        {
            await _explorer.StopAsync();
            await _explorer.DisposeAsync();
        }

        await _cloud.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
