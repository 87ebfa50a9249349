namespace Pipeline.LocalCloud.Hosting;

/// <summary>Where LocalCloud listens and keeps its state. Bound from the <c>LocalCloud</c> configuration section.</summary>
public sealed class LocalCloudOptions
{
    public const string Section = "LocalCloud";

    /// <summary>The one port every service answers on (LocalStack's default).</summary>
    public int Port { get; set; } = 4566;

    /// <summary>
    /// The address LocalCloud listens on: loopback unless asked otherwise, since it checks no credentials and anyone
    /// who reaches it can read and change everything.
    /// </summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>All state: buckets, objects, streams, their logs. Deleting it resets the local cloud.</summary>
    public string DataDirectory { get; set; } = ".pipeline";

    public string Region { get; set; } = "us-east-1";

    /// <summary>The account id in every ARN LocalCloud makes; not a real account.</summary>
    public string AccountId { get; set; } = "000000000000";

    /// <summary>
    /// Test-only: a <see cref="Hosting.FaultPoint"/> name at which LocalCloud kills itself the first time it gets
    /// there (crash tests). Empty in any real use.
    /// </summary>
    public string? FaultPoint { get; set; }
}
