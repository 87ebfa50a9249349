namespace Pipeline.LocalCloud.Events;

/// <summary>
/// The default event bus, in process: how LocalCloud services (Glue's "Glue Crawler State Change", …) emit events
/// that rules match and targets receive, exactly as if they had come through PutEvents.
/// </summary>
public interface IEventBus
{
    /// <summary>Puts one event on the bus; matching targets receive it asynchronously, off the caller's path.</summary>
    /// <param name="source">The event's <c>source</c>, e.g. <c>aws.glue</c>.</param>
    /// <param name="detailType">The event's <c>detail-type</c>, e.g. <c>Glue Job State Change</c>.</param>
    /// <param name="detailJson">The <c>detail</c> as a JSON object.</param>
    /// <param name="resources">ARNs the event concerns.</param>
    /// <param name="cancellationToken">Cancels the put, not deliveries already queued.</param>
    Task PublishAsync(string source, string detailType, string detailJson, IReadOnlyList<string> resources, CancellationToken cancellationToken = default);
}
