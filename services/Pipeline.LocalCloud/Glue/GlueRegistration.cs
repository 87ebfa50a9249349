using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.Events;
using Pipeline.LocalCloud.Glue.Api;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Glue.Crawlers;
using Pipeline.LocalCloud.Glue.Crawlers.Crawling;
using Pipeline.LocalCloud.Glue.Crawlers.Events;
using Pipeline.LocalCloud.Glue.Jobs;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Processes;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.Glue;

public static class GlueRegistration
{
    /// <summary>The configuration section mapping a job script's file name to the program that runs it.</summary>
    public const string ScriptsSection = "LocalCloud:Glue:Scripts";

    /// <summary>
    /// Glue's Data Catalog: the API endpoint (signing name <c>glue</c>) and the in-process catalog it serves, kept
    /// under <c>&lt;data dir&gt;/glue/</c>, for the crawler and the Athena engine to share; crawlers and jobs.
    /// </summary>
    public static IServiceCollection AddLocalGlue(this IServiceCollection services)
    {
        services.AddSingleton<IGlueCatalog>(sp => new GlueCatalog(sp.GetRequiredService<LocalCloudOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new GlueCrawlers(sp.GetRequiredService<LocalCloudOptions>(), sp.GetRequiredService<TimeProvider>()));
        AddCrawls(services);
        services.AddSingleton<IAwsServiceEndpoint, GlueEndpoint>();
        AddJobs(services);
        return services;
    }

    /// <summary>
    /// The crawler's background runner: crawls read the object store (S3's <see cref="IObjectStore"/>), infer schemas
    /// with DuckDB, write the catalog and put <c>Glue Crawler State Change</c> on the default bus.
    /// </summary>
    private static void AddCrawls(IServiceCollection services)
    {
        services.AddSingleton<DuckDbSchemaInferrer>();
        services.AddSingleton(sp => new CrawlEngine(
            sp.GetRequiredService<IGlueCatalog>(),
            sp.GetRequiredService<IObjectStore>(),
            sp.GetRequiredService<DuckDbSchemaInferrer>(),
            sp.GetRequiredService<ILogger<CrawlEngine>>()));
        services.AddSingleton(sp => new CrawlerEvents(sp.GetRequiredService<IEventBus>(), sp.GetRequiredService<LocalCloudOptions>()));
        services.AddSingleton<CrawlerRunner>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<CrawlerRunner>());
    }

    /// <summary>
    /// Glue jobs: runs in the background, each running the program <c>LocalCloud:Glue:Scripts:&lt;script file
    /// name&gt;</c> names as a process, <c>Glue Job State Change</c> events on the default bus, and state under
    /// <c>&lt;data dir&gt;/glue/</c> (jobs.json, job-runs.json, job-logs/, job-temp/).
    /// </summary>
    private static void AddJobs(IServiceCollection services)
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
    }
}

/// <summary>Fails and retries, at start, the runs an earlier LocalCloud left unfinished; at stop, abandons the runs in progress.</summary>
internal sealed class GlueJobsHost(GlueJobs jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => jobs.RecoverAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => jobs.DisposeAsync().AsTask();
}
