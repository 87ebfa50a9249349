namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>A named member of a struct, or a table column.</summary>
internal sealed record HiveField(string Name, HiveType Type);
