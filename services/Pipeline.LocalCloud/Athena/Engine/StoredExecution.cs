using Pipeline.LocalCloud.Athena.Api;

namespace Pipeline.LocalCloud.Athena.Engine;

/// <summary>A query execution as kept in the state file: what Athena reports, plus what GetQueryResults needs.</summary>
internal sealed record StoredExecution
{
    public required QueryExecution Execution { get; init; }

    public string? ClientRequestToken { get; init; }

    public List<ColumnInfo>? Columns { get; init; }

    /// <summary>True for SELECT results, whose first CSV row names the columns.</summary>
    public bool HasHeaderRow { get; init; }
}
