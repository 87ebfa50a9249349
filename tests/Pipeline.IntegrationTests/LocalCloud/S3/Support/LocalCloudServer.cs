using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using Microsoft.AspNetCore.Builder;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.IntegrationTests.LocalCloud.S3.Support;

/// <summary>
/// LocalCloud in process on a free loopback port, with its data directory at <c>&lt;Sandbox&gt;/x/data</c>: a fresh
/// sandbox whose only other content is that path, so a test can prove nothing was written beside the data directory.
/// </summary>
public sealed class LocalCloudServer : IAsyncLifetime
{
    private WebApplication? _app;

    public LocalCloudServer()
    {
        Sandbox = Path.Combine(Path.GetTempPath(), "s3-it-" + Guid.NewGuid().ToString("N"));
        DataDirectory = Path.Combine(Sandbox, "x", "data");
    }

    /// <summary>The folder holding <c>x/data</c> and nothing else.</summary>
    public string Sandbox { get; }

    public string DataDirectory { get; }

    public int Port { get; private set; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        Port = FreePort();
        _app = LocalCloudApp.Build(
        [
            "--port", Port.ToString(CultureInfo.InvariantCulture),
            "--data-dir", DataDirectory,
            "--Logging:LogLevel:Default", "Warning",
        ]);
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(Sandbox, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a run over.
        }
    }

    /// <summary>An AWSSDK.S3 client for this server: path-style, dummy credentials, no retries to hide a failure.</summary>
    public AmazonS3Client CreateS3Client() => new(
        new BasicAWSCredentials("test", "test"),
        new AmazonS3Config
        {
            ServiceURL = Endpoint.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
            Timeout = TimeSpan.FromSeconds(30),
        });

    /// <summary>A bucket name no other test uses.</summary>
    public static string NewBucketName(string purpose) => $"{purpose}-{Guid.NewGuid().ToString("N")[..10]}";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
