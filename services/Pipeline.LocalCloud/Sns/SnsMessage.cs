namespace Pipeline.LocalCloud.Sns;

/// <summary>One published message, one line of messages.jsonl.</summary>
/// <param name="MessageId">The id Publish answered.</param>
/// <param name="TopicArn">The topic.</param>
/// <param name="Subject">The subject, if any.</param>
/// <param name="Message">The body.</param>
/// <param name="Timestamp">When it was published (ISO 8601, UTC).</param>
/// <param name="EmailRecipients">The email and email-json endpoints it went to.</param>
/// <param name="MessageAttributes">String-typed attributes: name to value.</param>
public sealed record SnsMessage(
    string MessageId,
    string TopicArn,
    string? Subject,
    string Message,
    string Timestamp,
    IReadOnlyList<string> EmailRecipients,
    IReadOnlyDictionary<string, SnsMessageAttribute>? MessageAttributes);
