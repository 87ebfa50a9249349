namespace Pipeline.Notifier.Notifying;

/// <summary>The function's response (EventBridge ignores it; logs and tests read it).</summary>
public sealed record NotifierOutcome(NotifierAction Action, string? MessageId = null, string? Subject = null, bool Truncated = false);
