using Amazon.Runtime;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.AppHost.Functions;
using Pipeline.Aws;

namespace Pipeline.AppHost.LocalCloud;

/// <summary>
/// Keeps the dashboard's view of what LocalCloud holds current: once LocalCloud is healthy, reads every
/// <see cref="LocalCloudChildResource"/> through the AWS APIs every few seconds, and follows each function's log.
/// </summary>
public sealed class LocalCloudWatcher(
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    ResourceLoggerService loggers,
    ILogger<LocalCloudWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var children = model.Resources.OfType<LocalCloudChildResource>().ToArray();
        var clouds = children.Select(c => c.Parent).Distinct().ToArray();
        if (clouds.Length == 0)
        {
            return;
        }

        var cloud = clouds.Single();
        var connection = cloud.Annotations.OfType<LocalCloudAnnotation>().Single().Connection;
        try
        {
            await notifications.WaitForResourceHealthyAsync(cloud.Name, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var aws = connection.Clients();
        var tails = children.OfType<LambdaFunctionResource>()
            .Select(f => FunctionLogTail.FollowAsync(f, connection.DataDirectory, loggers.GetLogger(f), stoppingToken))
            .ToArray();
        var last = new Dictionary<LocalCloudChildResource, ResourceReading>();
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var child in children)
            {
                await RefreshAsync(child, aws, last, stoppingToken);
            }

            try
            {
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(tails);
    }

    private async Task RefreshAsync(LocalCloudChildResource child, AwsClientFactory aws, Dictionary<LocalCloudChildResource, ResourceReading> last, CancellationToken stoppingToken)
    {
        ResourceReading reading;
        try
        {
            reading = await child.ReadAsync(aws, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e) when (e is AwsServiceException or AmazonServiceException or AmazonClientException or HttpRequestException or IOException)
        {
            // LocalCloud restarting, or briefly busy: keep what the dashboard shows and look again.
            LogReadFailed(logger, child.Name, e.Message);
            return;
        }

        if (last.TryGetValue(child, out var previous)
            && previous.State == reading.State
            && previous.Properties.SequenceEqual(reading.Properties, ReadingComparer.Instance))
        {
            return;
        }

        last[child] = reading;
        await notifications.PublishUpdateAsync(child, snapshot => snapshot with
        {
            State = reading.State,
            StartTimeStamp = snapshot.StartTimeStamp ?? (reading.State.Text == KnownResourceStates.Waiting ? null : DateTime.UtcNow),
            Properties = [.. snapshot.Properties.Where(p => !reading.Properties.Any(r => r.Name == p.Name)), .. reading.Properties],
        });
    }

    private static void LogReadFailed(ILogger logger, string resource, string reason) =>
        logger.LogDebug("Cannot read {Resource} from LocalCloud yet: {Reason}", resource, reason);

    private sealed class ReadingComparer : IEqualityComparer<ResourcePropertySnapshot>
    {
        public static readonly ReadingComparer Instance = new();

        public bool Equals(ResourcePropertySnapshot? x, ResourcePropertySnapshot? y) =>
            x?.Name == y?.Name && Equals(x?.Value, y?.Value);

        public int GetHashCode(ResourcePropertySnapshot obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
