namespace Pipeline.Aws.Athena;

/// <summary>What a query cost.</summary>
public sealed record QueryExecutionStatistics
{
    public long? EngineExecutionTimeInMillis { get; init; }

    public long? DataScannedInBytes { get; init; }

    public long? TotalExecutionTimeInMillis { get; init; }

    public long? QueryQueueTimeInMillis { get; init; }

    public long? QueryPlanningTimeInMillis { get; init; }

    public long? ServiceProcessingTimeInMillis { get; init; }
}
