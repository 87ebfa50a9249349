namespace Pipeline.LocalCloud.Hosting;

/// <summary>Where LocalCloud listens and keeps its state. Bound from the <c>LocalCloud</c> configuration section.</summary>
public sealed class LocalCloudOptions
{
    public const string Section = "LocalCloud";

    /// <summary>The one loopback port every service answers on (LocalStack's default).</summary>
    public int Port { get; set; } = 4566;

    /// <summary>All state: buckets, objects, streams, their logs. Deleting it resets the local cloud.</summary>
    public string DataDirectory { get; set; } = ".pipeline";

    public string Region { get; set; } = "us-east-1";

    /// <summary>The account id in every ARN LocalCloud makes; not a real account.</summary>
    public string AccountId { get; set; } = "000000000000";
}
