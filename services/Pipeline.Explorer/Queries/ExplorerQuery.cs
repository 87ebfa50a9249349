namespace Pipeline.Explorer.Queries;

/// <summary>One of the Explorer's questions: its name (the file name, and the named query's in AWS) and its SQL template.</summary>
public sealed record ExplorerQuery(string Name, string Template);
