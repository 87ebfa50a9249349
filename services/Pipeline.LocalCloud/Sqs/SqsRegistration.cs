using Microsoft.Extensions.DependencyInjection;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Sqs.Api;

namespace Pipeline.LocalCloud.Sqs;

public static class SqsRegistration
{
    /// <summary>SQS: the JSON-protocol endpoint and <see cref="ISqsQueues"/> for in-process senders and receivers (saved under &lt;data dir&gt;/sqs/).</summary>
    public static IServiceCollection AddLocalSqs(this IServiceCollection services)
    {
        services.AddSingleton<SqsOperations>();
        return services.AddAwsService<SqsQueueStore, SqsEndpoint>(
            sp =>
            {
                var cloud = sp.GetRequiredService<LocalCloudOptions>();
                return new SqsQueueStore(cloud, sp.GetRequiredService<TimeProvider>(), Path.Combine(cloud.DataDirectory, SqsQueueStore.Folder, "state.json"));
            },
            typeof(ISqsQueues));
    }
}
