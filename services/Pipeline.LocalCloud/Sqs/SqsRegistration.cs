using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.LocalCloud.Sqs;

public static class SqsRegistration
{
    public static IServiceCollection AddLocalSqs(this IServiceCollection services)
    {
        return services;
    }
}
