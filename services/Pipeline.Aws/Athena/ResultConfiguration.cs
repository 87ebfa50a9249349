namespace Pipeline.Aws.Athena;

/// <summary>Where query results go, e.g. <c>s3://bucket/athena-results/</c>.</summary>
public sealed record ResultConfiguration(string? OutputLocation);
