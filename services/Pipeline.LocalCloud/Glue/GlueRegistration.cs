using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.LocalCloud.Glue;

public static class GlueRegistration
{
    public static IServiceCollection AddLocalGlue(this IServiceCollection services)
    {
        return services;
    }
}
