namespace Pipeline.Aws.Lambda;

/// <summary>One page of ListEventSourceMappings.</summary>
internal sealed record ListEventSourceMappingsResponse
{
    public IReadOnlyList<EventSourceMapping>? EventSourceMappings { get; init; }

    public string? NextMarker { get; init; }
}
