namespace Pipeline.LocalCloud.Athena.Api;

/// <summary>Where results go: <c>s3://bucket/prefix/</c>; Athena writes <c>&lt;OutputLocation&gt;/&lt;id&gt;.csv</c>.</summary>
internal sealed record ResultConfiguration
{
    public string? OutputLocation { get; init; }

    public string? ExpectedBucketOwner { get; init; }
}
