namespace Pipeline.Contracts.Events.Clickstream;

/// <summary>One user action on the web shop (dataset <c>clickstream</c>).</summary>
public sealed record ClickstreamEvent(
    string EventId,
    DateTimeOffset EventTime,
    string SessionId,
    string? UserId,
    ClickAction Action,
    PageInfo Page,
    DeviceInfo Device,
    GeoInfo Geo,
    double? Value,
    string? Traceparent);
