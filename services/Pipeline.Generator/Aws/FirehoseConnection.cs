namespace Pipeline.Generator.Aws;

/// <summary>Where to reach Firehose; null values come from the standard AWS environment and configuration chain.</summary>
/// <param name="EndpointUrl">Overrides <c>AWS_ENDPOINT_URL_FIREHOSE</c> / <c>AWS_ENDPOINT_URL</c> (a local cloud).</param>
/// <param name="Region">Overrides <c>AWS_REGION</c> / <c>AWS_DEFAULT_REGION</c> / the shared config.</param>
public sealed record FirehoseConnection(Uri? EndpointUrl, string? Region);
