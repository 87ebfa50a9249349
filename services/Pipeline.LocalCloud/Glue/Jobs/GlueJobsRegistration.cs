using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.Events;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Glue.Jobs.Etl;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.Glue.Jobs;

public static class GlueJobsRegistration
{
    /// <summary>
    /// Glue jobs: the job operations (dispatched by the Glue endpoint), runs in the background with the DuckDB
    /// implementation of <c>pipeline_etl.py</c>, <c>Glue Job State Change</c> events on the default bus, and state under
    /// <c>&lt;data dir&gt;/glue/</c> (jobs.json, job-runs.json, job-bookmarks/, job-logs/). Needs the catalog and S3.
    /// </summary>
    public static IServiceCollection AddLocalGlueJobs(this IServiceCollection services)
    {
        services.AddSingleton(sp => new JobBookmarks(sp.GetRequiredService<LocalCloudOptions>().DataDirectory));
        services.AddSingleton<IGlueJobScript>(sp => new PipelineEtlScript(
            sp.GetRequiredService<IGlueCatalog>(),
            sp.GetRequiredService<IObjectStore>(),
            sp.GetRequiredService<LocalCloudOptions>(),
            sp.GetRequiredService<JobBookmarks>()));
        services.AddSingleton(sp => new GlueJobs(
            sp.GetRequiredService<LocalCloudOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetServices<IGlueJobScript>(),
            sp.GetService<IEventBus>(),
            sp.GetRequiredService<ILogger<GlueJobs>>()));
        services.AddHostedService<GlueJobsHost>();
        return services;
    }
}
