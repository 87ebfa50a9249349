namespace Pipeline.LocalCloud.Events.Api;

/// <summary>Answer of operations that return nothing.</summary>
internal sealed record EmptyOutput;
