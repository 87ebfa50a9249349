namespace Pipeline.LocalCloud.Lambda.Api;

internal sealed record EnvironmentOutput(IReadOnlyDictionary<string, string> Variables);
