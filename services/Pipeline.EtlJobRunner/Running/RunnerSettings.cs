namespace Pipeline.EtlJobRunner.Running;

/// <summary>The function's configuration (docs/orchestration.md, "Function configuration").</summary>
public sealed record RunnerSettings(string NamePrefix)
{
    public const string NamePrefixVariable = "PIPELINE_NAME_PREFIX";

    /// <summary>How long <c>ConcurrentRunsExceededException</c> is retried before the invocation fails.</summary>
    public TimeSpan ConcurrencyRetryBudget { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The first backoff; each later one doubles, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>How many of the job's most recent runs are searched for this event's id.</summary>
    public int DuplicateSearchRuns { get; init; } = 200;

    public static RunnerSettings FromEnvironment(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var prefix = read(NamePrefixVariable);
        return string.IsNullOrWhiteSpace(prefix)
            ? throw new InvalidOperationException($"{NamePrefixVariable} is not set: crawlers are <prefix>-<dataset>-raw and jobs <prefix>-<dataset>-etl.")
            : new RunnerSettings(prefix.Trim());
    }
}
