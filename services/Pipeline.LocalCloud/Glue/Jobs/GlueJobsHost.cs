using Microsoft.Extensions.Hosting;

namespace Pipeline.LocalCloud.Glue.Jobs;

/// <summary>Fails and retries, at start, the runs an earlier LocalCloud left unfinished; at stop, abandons the runs in progress.</summary>
internal sealed class GlueJobsHost(GlueJobs jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => jobs.RecoverAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => jobs.DisposeAsync().AsTask();
}
