namespace Pipeline.LocalCloud.Firehose.Api;

internal sealed record Processor
{
    public string? Type { get; init; }

    public IReadOnlyList<ProcessorParameter>? Parameters { get; init; }
}
