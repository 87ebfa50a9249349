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

/// <summary>The most recent events put on the bus, oldest first, for tests and the app host.</summary>
public interface IEventHistory
{
    /// <summary>A snapshot of at most <see cref="EventsLimits.HistorySize"/> events.</summary>
    IReadOnlyList<PublishedEvent> Recent { get; }
}

/// <summary>An event as the bus accepted it.</summary>
/// <param name="Id">The event id PutEvents answered.</param>
/// <param name="Source">The <c>source</c>.</param>
/// <param name="DetailType">The <c>detail-type</c>.</param>
/// <param name="Time">The <c>time</c>.</param>
/// <param name="Resources">The <c>resources</c>.</param>
/// <param name="EnvelopeJson">The full envelope targets receive (<c>version</c>, <c>id</c>, …, <c>detail</c>).</param>
/// <param name="MatchedRules">Names of the enabled rules whose pattern matched.</param>
public sealed record PublishedEvent(
    string Id,
    string Source,
    string DetailType,
    DateTimeOffset Time,
    IReadOnlyList<string> Resources,
    string EnvelopeJson,
    IReadOnlyList<string> MatchedRules);
