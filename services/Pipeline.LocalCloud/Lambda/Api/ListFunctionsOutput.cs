namespace Pipeline.LocalCloud.Lambda.Api;

internal sealed record ListFunctionsOutput(IReadOnlyList<FunctionConfigurationOutput> Functions, string? NextMarker);
