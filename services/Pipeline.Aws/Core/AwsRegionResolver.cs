using Amazon.Runtime;

namespace Pipeline.Aws.Core;

/// <summary>Finds the region: explicit, then <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, then AWSSDK.Core's region chain.</summary>
public static class AwsRegionResolver
{
    /// <summary>The resolved region name, e.g. <c>us-east-1</c>.</summary>
    /// <exception cref="InvalidOperationException">No source names a region.</exception>
    public static string Resolve(string? explicitRegion, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(explicitRegion))
        {
            return explicitRegion.Trim();
        }

        // The variables are read through the injected lookup first so tests and hosts that scope the environment
        // are honoured; the SDK chain then covers the shared config file's profile and instance metadata.
        foreach (var variable in new[] { "AWS_REGION", "AWS_DEFAULT_REGION" })
        {
            var value = getEnvironmentVariable(variable);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }

        return FallbackRegionFactory.GetRegionEndpoint()?.SystemName
            ?? throw new InvalidOperationException(
                "No AWS region is configured: set AWS_REGION, a region in the shared config file's profile, or AwsClientOptions.Region.");
    }
}
