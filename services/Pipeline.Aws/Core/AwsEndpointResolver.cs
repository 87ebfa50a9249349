namespace Pipeline.Aws.Core;

/// <summary>
/// Picks the endpoint a client sends to, in the AWS SDKs' order: an explicit endpoint, then
/// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then <c>AWS_ENDPOINT_URL</c>, then the service's public AWS endpoint.
/// <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c> turns the two variables off, as it does for the SDKs.
/// Only the thin clients use it: the AWS SDK's clients (S3, SQS) read the same variables themselves.
/// </summary>
public static class AwsEndpointResolver
{
    /// <summary>The variable every service falls back to.</summary>
    public const string GlobalVariable = "AWS_ENDPOINT_URL";

    /// <summary>Set to <c>true</c> to ignore the endpoint variables.</summary>
    public const string IgnoreVariable = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    /// <summary>The endpoint for <paramref name="service"/> in <paramref name="region"/>.</summary>
    public static Uri Resolve(AwsServiceDescriptor service, Uri? explicitEndpoint, string region, Func<string, string?> getEnvironmentVariable) =>
        ResolveConfigured(service, explicitEndpoint, getEnvironmentVariable) ?? DefaultEndpoint(service, region);

    // The explicit or environment-configured endpoint, or null when the service's AWS endpoint applies.
    private static Uri? ResolveConfigured(AwsServiceDescriptor service, Uri? explicitEndpoint, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        if (explicitEndpoint is not null)
        {
            return RequireAbsolute(explicitEndpoint, "the endpoint option");
        }

        if (string.Equals(getEnvironmentVariable(IgnoreVariable)?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var variable in new[] { ServiceVariable(service), GlobalVariable })
        {
            var value = getEnvironmentVariable(variable);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
                    ? RequireAbsolute(uri, variable)
                    : throw new InvalidOperationException($"{variable} is not an absolute http(s) URL: '{value}'.");
            }
        }

        return null;
    }

    /// <summary>The service-specific variable, e.g. <c>AWS_ENDPOINT_URL_FIREHOSE</c>.</summary>
    public static string ServiceVariable(AwsServiceDescriptor service) => GlobalVariable + "_" + service.EndpointVariableSuffix;

    /// <summary>The public AWS endpoint: <c>https://&lt;endpointPrefix&gt;.&lt;region&gt;.amazonaws.com</c> (<c>.com.cn</c> in China).</summary>
    public static Uri DefaultEndpoint(AwsServiceDescriptor service, string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri($"https://{service.EndpointPrefix}.{region}.{suffix}/");
    }

    private static Uri RequireAbsolute(Uri uri, string source) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InvalidOperationException($"{source} is not an absolute http(s) URL: '{uri}'.");
}
