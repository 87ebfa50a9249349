namespace Pipeline.Aws.Firehose;

/// <summary>Record transformation before delivery.</summary>
public sealed record ProcessingConfiguration
{
    /// <summary>Whether processing is on.</summary>
    public bool? Enabled { get; init; }

    /// <summary>The processors, in order.</summary>
    public IReadOnlyList<Processor>? Processors { get; init; }
}
