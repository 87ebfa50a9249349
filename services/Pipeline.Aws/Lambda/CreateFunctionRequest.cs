namespace Pipeline.Aws.Lambda;

/// <summary>CreateFunction for a zip package (what the pipeline deploys: custom-runtime <c>bootstrap</c> executables).</summary>
public sealed record CreateFunctionRequest
{
    public required string FunctionName { get; init; }

    public string Runtime { get; init; } = "provided.al2023";

    public required string Role { get; init; }

    public string Handler { get; init; } = "bootstrap";

    public required FunctionCode Code { get; init; }

    public int? Timeout { get; init; }

    public int? MemorySize { get; init; }

    public string? Description { get; init; }

    public FunctionEnvironment? Environment { get; init; }

    public IReadOnlyList<string>? Architectures { get; init; }
}
