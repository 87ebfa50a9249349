namespace Pipeline.Explorer.Web;

/// <summary>What the page needs to know before asking: refresh period, where it asks, the queries and the tables.</summary>
public sealed record ExplorerConfig(
    int RefreshSeconds,
    string WorkGroup,
    string Database,
    IReadOnlyList<QueryInfo> Queries,
    IReadOnlyDictionary<string, string> Tables);
