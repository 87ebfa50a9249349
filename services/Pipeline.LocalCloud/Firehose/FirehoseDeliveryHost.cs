using Microsoft.Extensions.Hosting;

namespace Pipeline.LocalCloud.Firehose;

/// <summary>Loads the streams kept on disk when LocalCloud starts, runs their delivery loops, stops them when it stops.</summary>
internal sealed class FirehoseDeliveryHost(FirehoseService service) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        service.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => service.StopAsync();
}
