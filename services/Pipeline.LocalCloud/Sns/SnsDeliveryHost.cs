using Microsoft.Extensions.Hosting;

namespace Pipeline.LocalCloud.Sns;

/// <summary>Invokes Lambda subscriptions off the request path: SNS invokes functions asynchronously.</summary>
internal sealed class SnsDeliveryHost(SnsService service) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => service.RunDeliveriesAsync(stoppingToken);
}
