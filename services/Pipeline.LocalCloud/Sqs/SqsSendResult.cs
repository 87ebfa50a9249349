namespace Pipeline.LocalCloud.Sqs;

/// <summary>What SendMessage answers: the id and the checksums clients verify.</summary>
public sealed record SqsSendResult(string MessageId, string Md5OfBody, string? Md5OfMessageAttributes);
