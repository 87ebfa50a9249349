namespace Pipeline.ServiceDefaults.Telemetry;

/// <summary>How a service exports telemetry; bound from the standard <c>OTEL_*</c> configuration keys.</summary>
public sealed record TelemetryOptions
{
    public required string ServiceName { get; init; }

    public string? ServiceVersion { get; init; }

    /// <summary>OTLP endpoint; null turns export off (spans are still created for in-process listeners).</summary>
    public Uri? OtlpEndpoint { get; init; }

    public static TelemetryOptions FromEnvironment(string defaultServiceName, Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        var endpoint = read(PipelineTelemetry.OtlpEndpointVariable);
        var serviceName = read(PipelineTelemetry.ServiceNameVariable);
        return new TelemetryOptions
        {
            ServiceName = string.IsNullOrWhiteSpace(serviceName) ? defaultServiceName : serviceName,
            ServiceVersion = typeof(TelemetryOptions).Assembly.GetName().Version?.ToString(),
            OtlpEndpoint = Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri : null,
        };
    }
}
