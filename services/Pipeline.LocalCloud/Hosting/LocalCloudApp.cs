using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.LocalCloud.Athena;
using Pipeline.LocalCloud.CloudWatch;
using Pipeline.LocalCloud.Events;
using Pipeline.LocalCloud.Firehose;
using Pipeline.LocalCloud.Glue;
using Pipeline.LocalCloud.Lambda;
using Pipeline.LocalCloud.S3;
using Pipeline.LocalCloud.Sns;
using Pipeline.LocalCloud.Sqs;
using Pipeline.ServiceDefaults;

namespace Pipeline.LocalCloud.Hosting;

/// <summary>Builds LocalCloud: every service on one loopback port, state under one data directory.</summary>
public static class LocalCloudApp
{
    /// <summary>Answers 200 with the served services once LocalCloud is ready; the app host waits on it.</summary>
    public const string HealthPath = "/_localcloud/health";

    private static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--port"] = $"{LocalCloudOptions.Section}:{nameof(LocalCloudOptions.Port)}",
        ["--data-dir"] = $"{LocalCloudOptions.Section}:{nameof(LocalCloudOptions.DataDirectory)}",
        ["--region"] = $"{LocalCloudOptions.Section}:{nameof(LocalCloudOptions.Region)}",
        ["--listen-address"] = $"{LocalCloudOptions.Section}:{nameof(LocalCloudOptions.ListenAddress)}",
    };

    public static WebApplication Build(string[] args, Action<LocalCloudOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Configuration.AddCommandLine(args, Switches);
        builder.AddServiceDefaults("localcloud");

        // One line per event, and no line per request: the services log what matters (deliveries, functions).
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);

        var options = new LocalCloudOptions();
        builder.Configuration.GetSection(LocalCloudOptions.Section).Bind(options);
        configure?.Invoke(options);
        options.DataDirectory = Path.GetFullPath(options.DataDirectory);
        FaultInjection.Arm(options.FaultPoint);
        Directory.CreateDirectory(options.DataDirectory);
        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);

        if (!IPAddress.TryParse(options.ListenAddress, out var address))
        {
            throw new ArgumentException($"--listen-address must be an IP address such as 127.0.0.1 or 0.0.0.0; got '{options.ListenAddress}'.");
        }

        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(address, options.Port);
            // The largest request any service takes (S3's single PUT); the router lowers it per service.
            kestrel.Limits.MaxRequestBodySize = ServiceRequestLimits.Largest;
        });

        builder.Services.AddSingleton<ServiceRouter>();
        builder.Services.AddLocalS3();
        builder.Services.AddLocalLambda();
        builder.Services.AddLocalFirehose();
        builder.Services.AddLocalSqs();
        builder.Services.AddLocalSns();
        builder.Services.AddLocalEvents();
        builder.Services.AddLocalGlue();
        builder.Services.AddLocalAthena();
        builder.Services.AddLocalCloudWatch();

        var app = builder.Build();
        var router = app.Services.GetRequiredService<ServiceRouter>();
        app.Lifetime.ApplicationStarted.Register(() => Announce(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Pipeline.LocalCloud"), address, options.Port));
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.Equals(HealthPath, StringComparison.Ordinal))
            {
                await context.Response.WriteAsync($"{{\"status\":\"ready\",\"services\":[\"{string.Join("\",\"", router.Services.Order(StringComparer.Ordinal))}\"]}}");
                return;
            }

            await next(context);
        });
        app.Run(router.HandleAsync);
        return app;
    }

    private static void Announce(ILogger logger, IPAddress address, int port)
    {
        if (IPAddress.IsLoopback(address))
        {
            logger.LogInformation("LocalCloud listening on http://{Address}:{Port}, loopback only (--listen-address exposes it)", address, port);
        }
        else
        {
            logger.LogWarning("LocalCloud listening on http://{Address}:{Port}: reachable from other machines, and it checks no credentials", address, port);
        }
    }
}
