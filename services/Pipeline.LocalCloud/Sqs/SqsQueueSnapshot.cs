namespace Pipeline.LocalCloud.Sqs;

/// <summary>A queue as saved in <c>&lt;data dir&gt;/sqs/state.json</c>.</summary>
internal sealed record SqsQueueSnapshot(string Name, string Arn, SqsQueueSettings Settings, DateTimeOffset CreatedAt, StoredMessageSnapshot[] Messages);
