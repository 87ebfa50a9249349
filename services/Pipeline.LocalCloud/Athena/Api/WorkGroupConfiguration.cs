namespace Pipeline.LocalCloud.Athena.Api;

internal sealed record WorkGroupConfiguration
{
    public ResultConfiguration? ResultConfiguration { get; init; }

    public bool? EnforceWorkGroupConfiguration { get; init; }

    public bool? PublishCloudWatchMetricsEnabled { get; init; }

    /// <summary>At least 10,000,000 bytes, as Athena requires; queries scanning more fail.</summary>
    public long? BytesScannedCutoffPerQuery { get; init; }

    public bool? RequesterPaysEnabled { get; init; }

    public EngineVersion? EngineVersion { get; init; }
}
