namespace Pipeline.Explorer.Web;

/// <summary>The SQL box's query.</summary>
public sealed record SqlRequest(string? Sql);
