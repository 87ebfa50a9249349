using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.LocalCloud.Athena.Api;
using Pipeline.LocalCloud.Athena.Engine;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.Athena;

public static class AthenaRegistration
{
    /// <summary>
    /// Athena: the JSON 1.1 endpoint (signing name <c>athena</c>, <c>X-Amz-Target: AmazonAthena.*</c>) over DuckDB,
    /// reading tables from LocalCloud's Glue catalog and their data from its object store, with workgroups and query
    /// history under <c>&lt;data dir&gt;/athena/</c>. Needs <c>AddLocalS3</c> and <c>AddLocalGlue</c>.
    /// </summary>
    public static IServiceCollection AddLocalAthena(this IServiceCollection services)
    {
        services.AddOptions<AthenaOptions>().BindConfiguration(AthenaOptions.Section);
        return services.AddAwsService<AthenaService, AthenaEndpoint>(sp => new AthenaService(
            sp.GetRequiredService<IGlueCatalog>(),
            sp.GetRequiredService<IObjectStore>(),
            sp.GetRequiredService<LocalCloudOptions>(),
            sp.GetRequiredService<IOptions<AthenaOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AthenaService>>()));
    }
}
