namespace Pipeline.Aws.Glue;

/// <summary>The input of StartJobRun; <see cref="Arguments"/> replace the job's defaults of the same name.</summary>
public sealed record StartJobRunRequest
{
    public required string JobName { get; init; }

    public IReadOnlyDictionary<string, string>? Arguments { get; init; }

    /// <summary>Minutes.</summary>
    public int? Timeout { get; init; }
}
