using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Pipeline.ServiceDefaults.Health;
using Pipeline.ServiceDefaults.Telemetry;

namespace Pipeline.ServiceDefaults;

/// <summary>What every hosted service of the pipeline shares, as Aspire's service defaults.</summary>
public static class Extensions
{
    /// <summary>Configuration, OpenTelemetry (OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set) and health checks.</summary>
    /// <param name="builder">The service's host builder.</param>
    /// <param name="serviceName">The service name unless <c>OTEL_SERVICE_NAME</c> names another.</param>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, string serviceName)
        where TBuilder : IHostApplicationBuilder
    {
        builder.AddDefaultConfiguration();
        builder.ConfigureOpenTelemetry(serviceName);
        builder.AddDefaultHealthChecks();
        return builder;
    }

    /// <summary>Environment variables override settings files, as the AWS and OTel conventions expect.</summary>
    public static TBuilder AddDefaultConfiguration<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Configuration.AddEnvironmentVariables();
        return builder;
    }

    /// <summary>
    /// <c>/health</c> (every check: ready to serve) and <c>/alive</c> (the "live" checks: the process answers), on
    /// loopback only, as the Aspire app host polls them.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapPipelineHealthChecks();
        return app;
    }
}
