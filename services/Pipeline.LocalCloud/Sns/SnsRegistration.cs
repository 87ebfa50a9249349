using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.LocalCloud.Sns;

public static class SnsRegistration
{
    public static IServiceCollection AddLocalSns(this IServiceCollection services)
    {
        return services;
    }
}
