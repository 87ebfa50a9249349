namespace Pipeline.LocalCloud.Athena.Engine;

/// <summary>The contents of <c>&lt;data dir&gt;/athena/state.json</c>.</summary>
internal sealed class AthenaState
{
    public List<Api.WorkGroup> WorkGroups { get; set; } = [];

    public List<StoredExecution> Executions { get; set; } = [];
}
