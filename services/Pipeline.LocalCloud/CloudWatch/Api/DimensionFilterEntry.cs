namespace Pipeline.LocalCloud.CloudWatch.Api;

/// <summary>The model's <c>DimensionFilter</c>: a name, and optionally the value it must have.</summary>
internal sealed record DimensionFilterEntry(string? Name, string? Value);
