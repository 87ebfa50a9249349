namespace Pipeline.LocalCloud.CloudWatch.Api;

/// <summary>The model's <c>Tag</c>; accepted and not kept.</summary>
internal sealed record TagEntry(string? Key, string? Value);
