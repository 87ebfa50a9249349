using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.IntegrationTests.LocalCloud.Hosting;

/// <summary>LocalCloud checks no credentials, so it listens on loopback unless a flag says otherwise.</summary>
public sealed class LocalCloudListensOnLoopbackTests
{
    [Fact]
    public async Task By_default_it_listens_on_127_0_0_1_only()
    {
        var data = Directory.CreateTempSubdirectory("localcloud-listen-").FullName;
        var port = FreePort();
        await using var app = LocalCloudApp.Build(["--port", port.ToString(CultureInfo.InvariantCulture), "--data-dir", data, "--Logging:LogLevel:Default", "Warning"]);
        await app.StartAsync();

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;

        Assert.Equal([$"http://127.0.0.1:{port}"], addresses);
        await app.StopAsync();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public void A_listen_address_that_is_not_an_ip_address_is_refused_with_the_flag_named()
    {
        var error = Assert.Throws<ArgumentException>(() => LocalCloudApp.Build(["--listen-address", "everywhere", "--data-dir", Path.GetTempPath()]));

        Assert.Contains("--listen-address", error.Message, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
