using System.Diagnostics;

namespace Pipeline.Aws;

/// <summary>The tracing names of the AWS clients: one Client span per AWS call, whatever its retries.</summary>
public static class AwsTelemetry
{
    /// <summary>The ActivitySource name; it matches the pipeline's <c>Pipeline.*</c> wildcard.</summary>
    public const string ActivitySourceName = "Pipeline.Aws";

    internal static readonly ActivitySource Source = new(ActivitySourceName);
}
