using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.AwsShapes.Firehose;
using Pipeline.LocalCloud.Firehose.Api;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.Firehose;

public static class FirehoseRegistration
{
    /// <summary>
    /// Firehose: the API endpoint, the delivery loops (a hosted service), and <see cref="IFirehoseDeliveryControl"/>
    /// for flushing in process. Delivers through the registered <see cref="IObjectStore"/> and transforms through
    /// the registered <see cref="IFunctionInvoker"/>.
    /// </summary>
    public static IServiceCollection AddLocalFirehose(this IServiceCollection services)
    {
        services.TryAddSingleton(new FirehoseEngineOptions());
        return services.AddAwsService<FirehoseService, FirehoseEndpoint>(
            sp => new FirehoseService(
                sp.GetRequiredService<LocalCloudOptions>(),
                sp.Later<IObjectStore>("ServiceUnavailableException", "LocalCloud runs without an object store (S3), so Firehose cannot deliver.", 503),
                sp.Later<IFunctionInvoker>("ServiceUnavailableException", "LocalCloud runs without Lambda, so Firehose cannot transform."),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<FirehoseEngineOptions>(),
                sp.GetRequiredService<ILoggerFactory>()),
            typeof(IFirehoseDeliveryControl),
            typeof(IHostedService));
    }
}
