using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Pipeline.Generator.Sending;

namespace Pipeline.Generator.Control;

/// <summary>
/// A small HTTP endpoint on loopback that steers the run: <c>POST /pause</c>, <c>POST /resume</c>,
/// <c>POST /burst?records=N</c>, and <c>GET /health</c>. The app host's commands call it.
/// </summary>
public sealed class ControlServer : IAsyncDisposable
{
    /// <summary>The most records one burst may ask for.</summary>
    public const long MaxBurst = 1_000_000;

    private readonly WebApplication _app;

    private ControlServer(WebApplication app) => _app = app;

    public static async Task<ControlServer> StartAsync(int port, RunControl control, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.Run(context => HandleAsync(context, control));
        await app.StartAsync(cancellationToken);
        return new ControlServer(app);
    }

    internal static Task HandleAsync(HttpContext context, RunControl control)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        if (HttpMethods.IsGet(request.Method) && path == "/health")
        {
            return Answer(context, StatusCodes.Status200OK, control.IsPaused ? "paused" : "running");
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            return Answer(context, StatusCodes.Status405MethodNotAllowed, "use POST");
        }

        switch (path)
        {
            case "/pause":
                control.Pause();
                return Answer(context, StatusCodes.Status200OK, "paused");
            case "/resume":
                control.Resume();
                return Answer(context, StatusCodes.Status200OK, "running");
            case "/burst":
                if (!long.TryParse(request.Query["records"], NumberStyles.None, CultureInfo.InvariantCulture, out var records) || records is < 1 or > MaxBurst)
                {
                    return Answer(context, StatusCodes.Status400BadRequest, $"records must be a whole number from 1 to {MaxBurst}");
                }

                control.RequestBurst(records);
                return Answer(context, StatusCodes.Status202Accepted, $"{records} records queued");
            default:
                return Answer(context, StatusCodes.Status404NotFound, "no such control; try /pause, /resume or /burst?records=N");
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }

    private static Task Answer(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text + "\n");
    }
}
