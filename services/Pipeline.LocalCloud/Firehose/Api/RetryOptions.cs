namespace Pipeline.LocalCloud.Firehose.Api;

internal sealed record RetryOptions
{
    public int? DurationInSeconds { get; init; }
}
