namespace Pipeline.LocalCloud.Athena.Api;

internal sealed record ResultConfigurationUpdates
{
    public string? OutputLocation { get; init; }

    public bool? RemoveOutputLocation { get; init; }

    public string? ExpectedBucketOwner { get; init; }

    public bool? RemoveExpectedBucketOwner { get; init; }
}
