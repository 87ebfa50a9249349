namespace Pipeline.LocalCloud.Lambda.EventSources;

/// <summary>What one round of a mapping's poller did.</summary>
/// <param name="Received">Messages in the batch; 0 when the long poll found none and the function was not invoked.</param>
/// <param name="Deleted">Messages deleted after the invocation.</param>
/// <param name="FunctionError">The invocation's error type, or the API error that kept it from running; null on success.</param>
public sealed record BatchOutcome(int Received, int Deleted, string? FunctionError);
