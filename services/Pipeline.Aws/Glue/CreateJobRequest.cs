namespace Pipeline.Aws.Glue;

/// <summary>The input of CreateJob.</summary>
public sealed record CreateJobRequest
{
    public required string Name { get; init; }

    public required string Role { get; init; }

    public required JobCommand Command { get; init; }

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string>? DefaultArguments { get; init; }

    public ExecutionProperty? ExecutionProperty { get; init; }

    public int? MaxRetries { get; init; }

    /// <summary>Minutes.</summary>
    public int? Timeout { get; init; }

    public string? GlueVersion { get; init; }

    public string? WorkerType { get; init; }

    public int? NumberOfWorkers { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
