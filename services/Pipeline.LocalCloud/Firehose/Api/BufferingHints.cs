namespace Pipeline.LocalCloud.Firehose.Api;

internal sealed record BufferingHints
{
    public int? SizeInMBs { get; init; }

    public int? IntervalInSeconds { get; init; }
}
