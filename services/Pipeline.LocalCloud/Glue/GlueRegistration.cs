using Microsoft.Extensions.DependencyInjection;
using Pipeline.LocalCloud.Glue.Api;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Glue.Crawlers;
using Pipeline.LocalCloud.Glue.Jobs;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Glue;

public static class GlueRegistration
{
    /// <summary>
    /// Glue's Data Catalog: the API endpoint (signing name <c>glue</c>) and the in-process catalog it serves, kept
    /// under <c>&lt;data dir&gt;/glue/</c>, for the crawler and the Athena engine to share.
    /// </summary>
    public static IServiceCollection AddLocalGlue(this IServiceCollection services)
    {
        services.AddSingleton<IGlueCatalog>(sp => new GlueCatalog(sp.GetRequiredService<LocalCloudOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new GlueCrawlers(sp.GetRequiredService<LocalCloudOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddLocalGlueCrawler();
        services.AddSingleton<IAwsServiceEndpoint, GlueEndpoint>();
        services.AddLocalGlueJobs();
        return services;
    }
}
