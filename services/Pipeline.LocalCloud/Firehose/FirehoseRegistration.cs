using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.LocalCloud.Firehose;

public static class FirehoseRegistration
{
    public static IServiceCollection AddLocalFirehose(this IServiceCollection services)
    {
        return services;
    }
}
