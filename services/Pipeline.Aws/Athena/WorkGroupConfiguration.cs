namespace Pipeline.Aws.Athena;

/// <summary>A workgroup's settings (the members the pipeline sets).</summary>
public sealed record WorkGroupConfiguration
{
    public ResultConfiguration? ResultConfiguration { get; init; }

    public bool? EnforceWorkGroupConfiguration { get; init; }

    public bool? PublishCloudWatchMetricsEnabled { get; init; }

    public long? BytesScannedCutoffPerQuery { get; init; }
}
