namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>SendMessage's answer.</summary>
internal sealed record SendMessageOutput(string MessageId, string MD5OfMessageBody, string? MD5OfMessageAttributes);
