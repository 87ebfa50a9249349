namespace Pipeline.LocalCloud.Lambda.EventSources;

/// <summary>A mapping from an SQS queue to a function, as saved.</summary>
/// <param name="FunctionName">The function's bare name; its ARN is built from the store's region and account.</param>
/// <param name="ReportBatchItemFailures">Whether <c>FunctionResponseTypes</c> holds <c>ReportBatchItemFailures</c>.</param>
public sealed record EventSourceMapping(
    string Uuid,
    string EventSourceArn,
    string FunctionName,
    int BatchSize,
    int MaximumBatchingWindowInSeconds,
    bool ReportBatchItemFailures,
    EventSourceMappingState State,
    string StateTransitionReason,
    DateTimeOffset LastModified)
{
    public bool Enabled => State == EventSourceMappingState.Enabled;
}
