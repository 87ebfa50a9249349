namespace Pipeline.ServiceDefaults.Telemetry;

/// <summary>Names shared by every service's telemetry.</summary>
public static class PipelineTelemetry
{
    /// <summary>Every ActivitySource and Meter of the pipeline is named <c>Pipeline.&lt;Component&gt;</c>.</summary>
    public const string SourceWildcard = "Pipeline.*";

    /// <summary>Standard OpenTelemetry variable; when set, traces, metrics and logs are exported over OTLP.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Standard OpenTelemetry variable that overrides the service name a program passes.</summary>
    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";
}
