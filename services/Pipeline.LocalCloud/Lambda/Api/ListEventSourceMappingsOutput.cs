namespace Pipeline.LocalCloud.Lambda.Api;

/// <summary>ListEventSourceMappings' answer.</summary>
internal sealed record ListEventSourceMappingsOutput(string? NextMarker, EventSourceMappingOutput[] EventSourceMappings);
