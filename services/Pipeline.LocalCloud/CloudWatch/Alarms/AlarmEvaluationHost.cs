using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.LocalCloud.CloudWatch.Metrics;

namespace Pipeline.LocalCloud.CloudWatch.Alarms;

/// <summary>Evaluates every alarm each <see cref="CloudWatchOptions.EvaluationInterval"/> and forgets expired samples, until LocalCloud stops.</summary>
internal sealed partial class AlarmEvaluationHost(AlarmService alarms, MetricStore metrics, IOptions<CloudWatchOptions> options, TimeProvider time, ILogger<AlarmEvaluationHost> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.EvaluationInterval > TimeSpan.Zero ? options.Value.EvaluationInterval : TimeSpan.FromSeconds(2);
        var pruned = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                alarms.EvaluateAll();

                // Expired slots only matter for memory, and a sweep touches every slot: once a minute is plenty.
                if (time.GetUtcNow() - pruned >= TimeSpan.FromMinutes(1))
                {
                    metrics.Prune();
                    pruned = time.GetUtcNow();
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The loop must outlive any one bad evaluation: alarms that stop evaluating are worse than a logged error.
                LogTickFailed(e);
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "CloudWatch: alarm evaluation failed")]
    private partial void LogTickFailed(Exception exception);
}
