namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>A failed entry of a batch.</summary>
internal sealed record BatchResultErrorEntry(string Id, bool SenderFault, string Code, string Message);
