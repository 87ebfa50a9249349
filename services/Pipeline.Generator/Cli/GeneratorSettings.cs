namespace Pipeline.Generator.Cli;

/// <summary>A run as the command line describes it, after parsing and validation.</summary>
public sealed record GeneratorSettings
{
    public const string DefaultNamePrefix = "pipeline-local";

    /// <summary>Names the control port when <c>--control-port</c> is not given (the app host sets it).</summary>
    public const string ControlPortVariable = "PIPELINE_GENERATOR_CONTROL_PORT";

    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(60);

    public required string Dataset { get; init; }

    /// <summary>The delivery stream; null means <c>&lt;NamePrefix&gt;-&lt;Dataset&gt;</c>.</summary>
    public string? Stream { get; init; }

    public string NamePrefix { get; init; } = DefaultNamePrefix;

    public double Rate { get; init; } = 100;

    /// <summary>Run this long; null with a null <see cref="Count"/> means <see cref="DefaultDuration"/>.</summary>
    public TimeSpan? Duration { get; init; }

    public long? Count { get; init; }

    public int? Seed { get; init; }

    /// <summary>The first record's <c>event_time</c>; null means the seeded start (with a seed) or now.</summary>
    public DateTimeOffset? StartTime { get; init; }

    public Uri? EndpointUrl { get; init; }

    public string? Region { get; init; }

    public bool DryRun { get; init; }

    /// <summary>The dry run's output file; null writes to standard output.</summary>
    public string? Out { get; init; }

    public string? Report { get; init; }

    public int MaxInFlight { get; init; } = 8;

    public int BatchSize { get; init; } = 500;

    public int MaxAttempts { get; init; } = 6;

    public double InvalidRatio { get; init; }

    /// <summary>The loopback port of the control endpoint; null serves none.</summary>
    public int? ControlPort { get; init; }

    /// <summary>Starts paused, for the control endpoint to resume or send bursts.</summary>
    public bool Paused { get; init; }

    /// <summary>Follows sampled records until they are queryable in the stage table (<c>--freshness</c>).</summary>
    public bool Freshness { get; init; }

    /// <summary>How long a sampled record is waited for; null means the probe's default.</summary>
    public TimeSpan? FreshnessTimeout { get; init; }

    /// <summary>The Glue database of the stage tables; null means the catalog's deployment database.</summary>
    public string? Database { get; init; }

    public string StreamName => Stream ?? $"{NamePrefix}-{Dataset}";
}
