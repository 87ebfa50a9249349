namespace Pipeline.LocalCloud.Sns;

/// <summary>Messages published to LocalCloud's topics, as kept in <c>&lt;data dir&gt;/sns/&lt;topic&gt;/messages.jsonl</c>.</summary>
public interface ISnsMessages
{
    /// <summary>Every message published to the topic, oldest first; empty for a topic with none.</summary>
    IReadOnlyList<SnsMessage> Read(string topicName);
}
