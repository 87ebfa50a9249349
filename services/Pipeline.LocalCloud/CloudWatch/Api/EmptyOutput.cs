namespace Pipeline.LocalCloud.CloudWatch.Api;

/// <summary>Answer of operations that return nothing.</summary>
internal sealed record EmptyOutput;
