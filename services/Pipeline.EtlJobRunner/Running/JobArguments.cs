namespace Pipeline.EtlJobRunner.Running;

/// <summary>The run arguments the runner passes to the ETL job (docs/orchestration.md, "EtlJobRunner").</summary>
public static class JobArguments
{
    public const string Dataset = "--dataset";
    public const string TraceParent = "--traceparent";
    public const string SourceEventId = "--source_event_id";
}
