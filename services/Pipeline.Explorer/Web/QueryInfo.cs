namespace Pipeline.Explorer.Web;

/// <summary>One named query as the page lists it: its name and the SQL it runs in this deployment.</summary>
public sealed record QueryInfo(string Name, string? Sql, string? Unavailable);
