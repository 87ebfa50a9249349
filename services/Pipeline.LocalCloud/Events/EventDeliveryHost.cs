using Microsoft.Extensions.Hosting;

namespace Pipeline.LocalCloud.Events;

/// <summary>Runs the bus's deliveries off the request path, as EventBridge invokes Lambda targets asynchronously.</summary>
internal sealed class EventDeliveryHost(EventBusService bus) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => bus.RunDeliveriesAsync(stoppingToken);
}
