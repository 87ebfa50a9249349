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

/// <summary>
/// The largest request body each service takes, declared once here, at or above AWS's largest for any of its
/// operations; the operations check their own, smaller limits with AWS's errors. Kestrel stops reading at the cap,
/// chunked bodies included, and the protocols' body reader (<see cref="Protocols.RequestBody"/>) applies it again to
/// decompressed bodies, so no request is read into memory unbounded.
/// </summary>
internal static class ServiceRequestLimits
{
    private const long MiB = 1024 * 1024;

    /// <summary>S3's single PUT: 5 GiB.</summary>
    public static long Largest => 5L * 1024 * MiB;

    public static long For(string service) => service switch
    {
        "s3" => Largest,
        // CreateFunction and UpdateFunctionCode take a 50 MB zip, base64-encoded in the JSON body.
        "lambda" => 70 * MiB,
        // PutRecordBatch: 500 records of up to 1,000 KiB, 4 MiB in all, base64-encoded in the JSON body.
        "firehose" => 64 * MiB,
        // Catalog calls (BatchCreatePartition, CreateTable with many columns) are the largest.
        "glue" => 16 * MiB,
        // A query string is at most 256 KiB; result pages are responses, not requests.
        "athena" => 4 * MiB,
        // A message or a batch is at most 1 MiB, in form or JSON encoding.
        "sqs" or "sns" => 2 * MiB,
        // PutEvents: 1 MiB per request.
        "events" => 1 * MiB,
        // PutMetricData: 1 MiB per request, after request decompression.
        "monitoring" => 1 * MiB,
        _ => 1 * MiB,
    };
}
