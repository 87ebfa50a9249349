namespace Pipeline.Generator.Freshness;

/// <summary>Where and how the freshness probe looks for sampled records.</summary>
public sealed record FreshnessOptions
{
    /// <summary>The Glue database of the stage table.</summary>
    public required string Database { get; init; }

    /// <summary>The stage table (<c>&lt;dataset&gt;_stage</c>).</summary>
    public required string Table { get; init; }

    /// <summary>The column that identifies a record (the dataset's <c>id_field</c>).</summary>
    public required string IdField { get; init; }

    /// <summary>The Athena workgroup to query in (its output location is used).</summary>
    public string? WorkGroup { get; init; }

    /// <summary>At most one sampled record per this interval of the run.</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>At most this many samples per run.</summary>
    public int MaxSamples { get; init; } = 200;

    /// <summary>How often the stage table is queried for the samples not seen yet.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A sample not queryable this long after it was sent counts as never queryable.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(180);
}
