namespace Pipeline.Contracts.Events.Clickstream;

/// <summary>The page an action happened on.</summary>
public sealed record PageInfo(string Url, string Title, string? Referrer);
