namespace Pipeline.Aws.Lambda;

/// <summary>The parts of a function's configuration the pipeline reads.</summary>
public sealed record FunctionConfiguration
{
    public string FunctionName { get; init; } = "";

    public string FunctionArn { get; init; } = "";

    public string? Runtime { get; init; }

    public string? Handler { get; init; }

    public int? Timeout { get; init; }

    public int? MemorySize { get; init; }

    public string? State { get; init; }

    public string? CodeSha256 { get; init; }
}
