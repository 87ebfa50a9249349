using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.LocalCloud.Lambda.Execution;

/// <summary>
/// A Kestrel listener on <c>127.0.0.1:0</c> serving the Runtime API to exactly one function process, so every request
/// on it comes from that process and a crash maps to the invocation that process held.
/// </summary>
internal sealed class RuntimeApiListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private RuntimeApiListener(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    /// <summary><c>127.0.0.1:port</c>, as <c>AWS_LAMBDA_RUNTIME_API</c> carries it.</summary>
    public string Address => $"127.0.0.1:{Port}";

    public static async Task<RuntimeApiListener> StartAsync(RequestDelegate handler, CancellationToken cancellationToken = default)
    {
        // The empty builder reads no configuration and adds no logging: each listener costs little to start.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;

            // Sizes are checked by the handler, which answers 413 and fails the invocation as Lambda does.
            kestrel.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        app.Run(handler);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RuntimeApiListener(app, new Uri(address).Port);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // No grace: the process is gone or going, and a /next still open must not hold shutdown up.
        using var now = new CancellationTokenSource();
        await now.CancelAsync().ConfigureAwait(false);
        try
        {
            await _app.StopAsync(now.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
