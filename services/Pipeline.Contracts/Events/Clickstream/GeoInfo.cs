namespace Pipeline.Contracts.Events.Clickstream;

/// <summary>Where a session comes from (ISO 3166-1 alpha-2 country).</summary>
public sealed record GeoInfo(string Country, string City);
