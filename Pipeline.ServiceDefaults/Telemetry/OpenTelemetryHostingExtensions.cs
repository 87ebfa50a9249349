using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Pipeline.ServiceDefaults.Health;

namespace Pipeline.ServiceDefaults.Telemetry;

/// <summary>OpenTelemetry for a service on the generic host: traces, metrics and logs, exported over OTLP when configured.</summary>
public static class OpenTelemetryHostingExtensions
{
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder, string serviceName)
        where TBuilder : IHostApplicationBuilder
    {
        var options = TelemetryOptions.FromEnvironment(serviceName, key => builder.Configuration[key]);
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => TelemetryProviders.ConfigureResource(resource, options))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(PipelineTelemetry.SourceWildcard))
            .WithTracing(tracing => tracing
                .AddSource(PipelineTelemetry.SourceWildcard)
                // Health probes every few seconds would bury the traces that matter.
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsHealthProbe(context))
                .AddHttpClientInstrumentation());
        if (options.OtlpEndpoint is not null)
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    private static bool IsHealthProbe(HttpContext context) =>
        context.Request.Path.StartsWithSegments(HealthCheckExtensions.HealthPath, StringComparison.Ordinal)
        || context.Request.Path.StartsWithSegments(HealthCheckExtensions.AlivePath, StringComparison.Ordinal);
}
