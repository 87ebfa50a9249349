namespace Pipeline.LocalCloud.Athena.Api;

internal sealed record WorkGroupConfigurationUpdates
{
    public bool? EnforceWorkGroupConfiguration { get; init; }

    public ResultConfigurationUpdates? ResultConfigurationUpdates { get; init; }

    public bool? PublishCloudWatchMetricsEnabled { get; init; }

    public long? BytesScannedCutoffPerQuery { get; init; }

    public bool? RemoveBytesScannedCutoffPerQuery { get; init; }

    public bool? RequesterPaysEnabled { get; init; }

    public EngineVersion? EngineVersion { get; init; }
}
