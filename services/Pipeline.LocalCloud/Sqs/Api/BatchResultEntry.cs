namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>A succeeded entry of DeleteMessageBatch.</summary>
internal sealed record BatchResultEntry(string Id);
