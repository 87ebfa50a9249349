namespace Pipeline.LocalCloud.Lambda.Api;

/// <summary>Lambda's <c>FunctionConfiguration</c>, as CreateFunction, GetFunction and ListFunctions answer it.</summary>
internal sealed record FunctionConfigurationOutput
{
    public required string FunctionName { get; init; }

    public required string FunctionArn { get; init; }

    public required string Runtime { get; init; }

    public required string Role { get; init; }

    public required string Handler { get; init; }

    public long CodeSize { get; init; }

    public string? Description { get; init; }

    public int Timeout { get; init; }

    public int MemorySize { get; init; }

    /// <summary>Lambda's own format: <c>2024-01-31T12:00:00.000+0000</c>.</summary>
    public required string LastModified { get; init; }

    public required string CodeSha256 { get; init; }

    public string Version { get; init; } = "$LATEST";

    public EnvironmentOutput? Environment { get; init; }

    public DeadLetterConfigDocument? DeadLetterConfig { get; init; }

    public required string RevisionId { get; init; }

    public string State { get; init; } = "Active";

    public string LastUpdateStatus { get; init; } = "Successful";

    public string PackageType { get; init; } = "Zip";

    public required IReadOnlyList<string> Architectures { get; init; }
}
