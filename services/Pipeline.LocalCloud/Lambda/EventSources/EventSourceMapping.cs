using System.Text.Json.Serialization;

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

/// <summary>A mapping's State as Lambda reports it; only Enabled and Disabled are kept, the others are answered in transit.</summary>
public enum EventSourceMappingState
{
    Creating,
    Enabled,
    Disabled,
    Updating,
    Deleting,
}

/// <summary>How mappings are saved in <c>&lt;data&gt;/lambda/event-source-mappings.json</c>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(List<EventSourceMapping>))]
internal sealed partial class EventSourceMappingJsonContext : JsonSerializerContext;
