using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.LocalCloud.S3;

public static class S3Registration
{
    public static IServiceCollection AddLocalS3(this IServiceCollection services)
    {
        return services;
    }
}
