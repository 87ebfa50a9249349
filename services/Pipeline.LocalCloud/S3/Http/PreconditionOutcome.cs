namespace Pipeline.LocalCloud.S3.Http;

/// <summary>What conditional request headers decide: serve, answer 304, or fail with 412 PreconditionFailed.</summary>
internal enum PreconditionOutcome
{
    Proceed,
    NotModified,
    Failed,
}
