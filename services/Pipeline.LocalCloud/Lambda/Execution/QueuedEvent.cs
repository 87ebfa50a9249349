namespace Pipeline.LocalCloud.Lambda.Execution;

/// <summary>
/// An accepted Event invocation as kept in <c>&lt;data&gt;/lambda/events.queue/</c> until it is done: the invocation,
/// when it was accepted (for the maximum event age) and how far its retries got.
/// </summary>
/// <param name="Attempts">Attempts that ended in a function error.</param>
/// <param name="NextAttemptAt">When the next retry is due; null for the first attempt.</param>
/// <param name="Throttles">Attempts the function's concurrency refused; they do not count as <paramref name="Attempts"/>.</param>
internal sealed record QueuedEvent(
    string FunctionName,
    string RequestId,
    byte[] Payload,
    string TraceId,
    DateTimeOffset AcceptedAt,
    int Attempts = 0,
    DateTimeOffset? NextAttemptAt = null,
    int Throttles = 0);
