namespace Pipeline.LocalCloud.Firehose.Api;

internal sealed record ProcessingConfiguration
{
    public bool? Enabled { get; init; }

    public IReadOnlyList<Processor>? Processors { get; init; }
}
