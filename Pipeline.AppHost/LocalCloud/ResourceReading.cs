using Aspire.Hosting.ApplicationModel;

namespace Pipeline.AppHost.LocalCloud;

/// <summary>What one look at a LocalCloud resource found: its state and the properties worth showing.</summary>
public sealed record ResourceReading(ResourceStateSnapshot State, IReadOnlyList<ResourcePropertySnapshot> Properties);
