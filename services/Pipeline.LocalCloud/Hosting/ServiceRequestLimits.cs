namespace Pipeline.LocalCloud.Hosting;

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
