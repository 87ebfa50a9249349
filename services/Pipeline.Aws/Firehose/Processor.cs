namespace Pipeline.Aws.Firehose;

/// <summary>A data-transformation step, e.g. <c>Lambda</c>, <c>MetadataExtraction</c>, <c>AppendDelimiterToRecord</c>.</summary>
public sealed record Processor
{
    /// <summary>The processor type.</summary>
    public required string Type { get; init; }

    /// <summary>The processor's parameters.</summary>
    public IReadOnlyList<ProcessorParameter>? Parameters { get; init; }
}
