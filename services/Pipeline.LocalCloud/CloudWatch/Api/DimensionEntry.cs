namespace Pipeline.LocalCloud.CloudWatch.Api;

/// <summary>The model's <c>Dimension</c>.</summary>
internal sealed record DimensionEntry(string? Name, string? Value);
