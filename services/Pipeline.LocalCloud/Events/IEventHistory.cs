namespace Pipeline.LocalCloud.Events;

/// <summary>The most recent events put on the bus, oldest first, for tests and the app host.</summary>
public interface IEventHistory
{
    /// <summary>A snapshot of at most <see cref="EventsLimits.HistorySize"/> events.</summary>
    IReadOnlyList<PublishedEvent> Recent { get; }
}
