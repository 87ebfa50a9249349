namespace Pipeline.Aws.Lambda;

/// <summary>
/// UpdateFunctionConfiguration: a member left null keeps its value; <see cref="Environment"/> replaces every variable.
/// </summary>
public sealed record UpdateFunctionConfigurationRequest
{
    public string? Role { get; init; }

    public string? Runtime { get; init; }

    public string? Handler { get; init; }

    public int? Timeout { get; init; }

    public int? MemorySize { get; init; }

    public string? Description { get; init; }

    public FunctionEnvironment? Environment { get; init; }
}
