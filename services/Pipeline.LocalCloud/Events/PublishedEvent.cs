namespace Pipeline.LocalCloud.Events;

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
