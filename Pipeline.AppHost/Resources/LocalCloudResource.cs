using Amazon.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Aws;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.AppHost.Resources;

/// <summary>LocalCloud hosted in the app host's process: every AWS service of the pipeline on one loopback port.</summary>
public sealed class LocalCloudResource : IAsyncDisposable
{
    /// <summary>LocalCloud checks no signatures; these only have to look like credentials.</summary>
    public static readonly BasicAWSCredentials TestCredentials = new("test", "test");

    private readonly WebApplication _app;

    private LocalCloudResource(WebApplication app, LocalCloudOptions options)
    {
        _app = app;
        Options = options;
        Endpoint = new Uri($"http://127.0.0.1:{options.Port}");
    }

    public LocalCloudOptions Options { get; }

    public Uri Endpoint { get; }

    public static async Task<LocalCloudResource> StartAsync(int port, string dataDirectory, CancellationToken cancellationToken)
    {
        var app = LocalCloudApp.Build(["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data-dir", dataDirectory]);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException($"LocalCloud cannot listen on 127.0.0.1:{port} ({e.Message}). Is another pipeline running? Pick another port with --port.", e);
        }

        return new LocalCloudResource(app, app.Services.GetRequiredService<LocalCloudOptions>());
    }

    /// <summary>Clients for the local cloud, as any AWS SDK pointed at it with <c>AWS_ENDPOINT_URL</c> would be.</summary>
    public AwsClientFactory Clients() => new(new AwsClientOptions
    {
        Endpoint = Endpoint,
        Region = Options.Region,
        Credentials = TestCredentials,
    });

    /// <summary>The variables that point a child process's AWS SDK and OpenTelemetry at the local pipeline.</summary>
    public Dictionary<string, string?> ChildEnvironment() => new(StringComparer.Ordinal)
    {
        ["AWS_ENDPOINT_URL"] = Endpoint.ToString().TrimEnd('/'),
        ["AWS_REGION"] = Options.Region,
        ["AWS_DEFAULT_REGION"] = Options.Region,
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
    };

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
