namespace Pipeline.LocalCloud.Athena.Api;

internal sealed record QueryExecutionStatistics
{
    public long? EngineExecutionTimeInMillis { get; init; }

    public long? DataScannedInBytes { get; init; }

    public long? TotalExecutionTimeInMillis { get; init; }

    public long? QueryQueueTimeInMillis { get; init; }

    public long? ServicePreProcessingTimeInMillis { get; init; }

    public long? QueryPlanningTimeInMillis { get; init; }

    public long? ServiceProcessingTimeInMillis { get; init; }
}
