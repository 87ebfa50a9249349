using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.LocalCloud.Events;

public static class EventsRegistration
{
    public static IServiceCollection AddLocalEvents(this IServiceCollection services)
    {
        return services;
    }
}
