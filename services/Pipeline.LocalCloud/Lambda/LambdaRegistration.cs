using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.LocalCloud.Lambda;

public static class LambdaRegistration
{
    public static IServiceCollection AddLocalLambda(this IServiceCollection services)
    {
        return services;
    }
}
