namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>The empty answer of operations that return nothing.</summary>
internal sealed record EmptyOutput();
