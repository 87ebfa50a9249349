namespace Pipeline.LocalCloud.Athena;

/// <summary>LocalCloud's Athena engine. Bound from the <c>LocalCloud:Athena</c> configuration section.</summary>
public sealed class AthenaOptions
{
    public const string Section = "LocalCloud:Athena";

    /// <summary>Queries that run at once; the others wait QUEUED, as Athena queues past its DML quota.</summary>
    public int MaxConcurrentQueries { get; set; } = 2;

    /// <summary>DuckDB threads per query; the machine is shared with the rest of LocalCloud.</summary>
    public int ThreadsPerQuery { get; set; } = 1;

    /// <summary>DuckDB's memory limit per query.</summary>
    public string MemoryLimitPerQuery { get; set; } = "1GB";

    /// <summary>Query executions kept in the history (Athena keeps 45 days); the oldest finished ones go first.</summary>
    public int MaxQueryExecutionsKept { get; set; } = 10_000;
}
