using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.Events;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Glue.Crawlers.Crawling;
using Pipeline.LocalCloud.Glue.Crawlers.Events;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.Glue.Crawlers;

internal static class CrawlerRegistration
{
    /// <summary>
    /// The crawler's API and its background runner: crawls read the object store (S3's <see cref="IObjectStore"/>),
    /// infer schemas with DuckDB, write the catalog and put <c>Glue Crawler State Change</c> on the default bus.
    /// </summary>
    public static IServiceCollection AddLocalGlueCrawler(this IServiceCollection services)
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
        return services;
    }
}
