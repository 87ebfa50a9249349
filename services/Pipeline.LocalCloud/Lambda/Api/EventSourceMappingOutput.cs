using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Lambda.Api;

/// <summary>EventSourceMappingConfiguration as Lambda writes it; LastModified in epoch seconds (restJson1 timestamps).</summary>
internal sealed record EventSourceMappingOutput(
    [property: JsonPropertyName("UUID")] string Uuid,
    int BatchSize,
    int MaximumBatchingWindowInSeconds,
    string EventSourceArn,
    string FunctionArn,
    double LastModified,
    string State,
    string StateTransitionReason,
    string[] FunctionResponseTypes,
    string EventSourceMappingArn);
