using System.Text.Json.Serialization;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Sns;

// What LocalCloud's SNS keeps: topics and subscriptions, published messages, and deliveries on their way.

/// <summary>Messages published to LocalCloud's topics, as kept in <c>&lt;data dir&gt;/sns/&lt;topic&gt;/messages.jsonl</c>.</summary>
public interface ISnsMessages
{
    /// <summary>Every message published to the topic, oldest first; empty for a topic with none.</summary>
    IReadOnlyList<SnsMessage> Read(string topicName);
}

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

/// <summary>A message attribute as the SNS event envelope writes it.</summary>
public sealed record SnsMessageAttribute(string Type, string Value);

/// <summary>A subscription. Email ones are confirmed at once locally, where AWS would wait for the recipient's click.</summary>
public sealed record SnsSubscription(string SubscriptionArn, string TopicArn, string Protocol, string Endpoint);

/// <summary>Topics (by name) and subscriptions, as kept in <c>&lt;data&gt;/sns/topics.json</c>.</summary>
internal sealed record SnsState(IReadOnlyList<string> Topics, IReadOnlyList<SnsSubscription> Subscriptions);

/// <summary>A message on its way to one Lambda or SQS subscription (the function or queue ARN), kept in <c>&lt;data&gt;/sns/deliveries.queue/</c>.</summary>
internal sealed record SnsDelivery(string MessageId, string Protocol, string Endpoint, string Payload) : QueuedDelivery;

/// <summary>messages.jsonl lines, topics.json and the queued deliveries.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SnsMessage))]
[JsonSerializable(typeof(SnsState))]
[JsonSerializable(typeof(SnsDelivery))]
internal sealed partial class SnsJsonContext : JsonSerializerContext;
