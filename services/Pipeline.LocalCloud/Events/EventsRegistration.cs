using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.Events.Api;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda;

namespace Pipeline.LocalCloud.Events;

public static class EventsRegistration
{
    /// <summary>
    /// EventBridge's default bus: the API endpoint, <see cref="IEventBus"/> for LocalCloud services to emit events,
    /// <see cref="IEventHistory"/> to read recent ones, and the hosted delivery loop invoking Lambda targets through
    /// the registered <see cref="IFunctionInvoker"/>.
    /// </summary>
    public static IServiceCollection AddLocalEvents(this IServiceCollection services)
    {
        services.AddAwsService<EventBusService, EventsEndpoint>(
            sp => new EventBusService(
                sp.GetRequiredService<LocalCloudOptions>(),
                sp.Later<IFunctionInvoker>("ServiceUnavailableException", "LocalCloud runs without Lambda, so EventBridge cannot invoke targets."),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<EventBusService>>()),
            typeof(IEventBus),
            typeof(IEventHistory));
        services.AddHostedService<EventDeliveryHost>();
        return services;
    }
}

/// <summary>Runs the bus's deliveries off the request path, as EventBridge invokes Lambda targets asynchronously.</summary>
internal sealed class EventDeliveryHost(EventBusService bus) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => bus.RunDeliveriesAsync(stoppingToken);
}

/// <summary>Spans of EventBridge's deliveries to targets, under <c>Pipeline.LocalCloud.Events</c>.</summary>
internal static class EventsTelemetry
{
    public const string Name = "Pipeline.LocalCloud.Events";

    public static readonly ActivitySource Source = new(Name);
}
