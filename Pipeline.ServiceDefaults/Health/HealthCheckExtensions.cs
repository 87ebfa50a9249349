using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Pipeline.ServiceDefaults.Health;

/// <summary>The health checks and endpoints every hosted service has.</summary>
public static class HealthCheckExtensions
{
    /// <summary>The tag of checks that only say the process is alive.</summary>
    public const string LiveTag = "live";

    /// <summary>Every check must pass: the service is ready for work.</summary>
    public const string HealthPath = "/health";

    /// <summary>Only the <see cref="LiveTag"/> checks: the process answers.</summary>
    public const string AlivePath = "/alive";

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    internal static void MapPipelineHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath);
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
    }
}
