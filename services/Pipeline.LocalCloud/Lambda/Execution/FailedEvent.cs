namespace Pipeline.LocalCloud.Lambda.Execution;

/// <summary>An Event invocation given up, as its dead-letter message describes it.</summary>
/// <param name="Attempts">Attempts the function ran.</param>
/// <param name="ErrorCode">Lambda's <c>ErrorCode</c> attribute: the status of the last attempt (200 for a function error).</param>
/// <param name="ErrorMessage">The last error: the function's error document, or why the event was not tried again.</param>
internal sealed record FailedEvent(EventInvocation Invocation, int Attempts, int ErrorCode, string ErrorMessage);
