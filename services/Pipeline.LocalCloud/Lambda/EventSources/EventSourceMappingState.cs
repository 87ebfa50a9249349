namespace Pipeline.LocalCloud.Lambda.EventSources;

/// <summary>A mapping's State as Lambda reports it; only Enabled and Disabled are kept, the others are answered in transit.</summary>
public enum EventSourceMappingState
{
    Creating,
    Enabled,
    Disabled,
    Updating,
    Deleting,
}
