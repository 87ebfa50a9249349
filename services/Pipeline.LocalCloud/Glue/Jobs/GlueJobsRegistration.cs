using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.Events;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Processes;

namespace Pipeline.LocalCloud.Glue.Jobs;

public static class GlueJobsRegistration
{
    /// <summary>The configuration section mapping a script's file name to the program that runs it.</summary>
    public const string ScriptsSection = "LocalCloud:Glue:Scripts";

    /// <summary>
    /// Glue jobs: the job operations (dispatched by the Glue endpoint), runs in the background, each running the
    /// program <c>LocalCloud:Glue:Scripts:&lt;script file name&gt;</c> names as a process, <c>Glue Job State Change</c>
    /// events on the default bus, and state under <c>&lt;data dir&gt;/glue/</c> (jobs.json, job-runs.json, job-logs/,
    /// job-temp/).
    /// </summary>
    public static IServiceCollection AddLocalGlueJobs(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var cloud = sp.GetRequiredService<LocalCloudOptions>();
            var host = ChildEnvironment.Current();
            var configured = sp.GetService<IConfiguration>()?.GetSection(ScriptsSection).GetChildren()
                .Where(s => !string.IsNullOrWhiteSpace(s.Value))
                .Select(s => (IGlueJobScript)new ScriptProcess(s.Key, s.Value!, cloud, () => ChildEnvironment.EndpointUrl(cloud, sp.GetService<IServer>()), host))
                ?? [];
            return new GlueJobs(
                cloud,
                sp.GetRequiredService<TimeProvider>(),
                [.. sp.GetServices<IGlueJobScript>(), .. configured],
                sp.GetService<IEventBus>(),
                sp.GetRequiredService<ILogger<GlueJobs>>());
        });
        services.AddHostedService<GlueJobsHost>();
        return services;
    }
}
