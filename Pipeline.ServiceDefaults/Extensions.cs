using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.ServiceDefaults.Telemetry;

namespace Pipeline.ServiceDefaults;

/// <summary>What every hosted service of the pipeline shares.</summary>
public static class Extensions
{
    /// <summary>Telemetry and configuration defaults for a service built on the generic host.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, string serviceName)
        where TBuilder : IHostApplicationBuilder
    {
        builder.AddDefaultConfiguration();
        builder.ConfigureOpenTelemetry(serviceName);
        return builder;
    }

    /// <summary>Environment variables override settings files, as the AWS and OTel conventions expect.</summary>
    public static TBuilder AddDefaultConfiguration<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Configuration.AddEnvironmentVariables();
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder, string serviceName)
        where TBuilder : IHostApplicationBuilder
    {
        var options = TelemetryOptions.FromEnvironment(serviceName, key => builder.Configuration[key]);
        var providers = TelemetryProviders.Start(options);
        builder.Services.AddSingleton(providers);
        builder.Logging.AddOpenTelemetryLogging(options);
        return builder;
    }
}
