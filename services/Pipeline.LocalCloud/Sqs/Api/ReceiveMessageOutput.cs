namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>ReceiveMessage's answer.</summary>
internal sealed record ReceiveMessageOutput(MessageOutput[] Messages);
