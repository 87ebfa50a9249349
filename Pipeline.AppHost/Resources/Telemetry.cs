namespace Pipeline.AppHost.Resources;

/// <summary>The OpenTelemetry settings every child process inherits, so one trace spans the whole flow.</summary>
public static class Telemetry
{
    public static Dictionary<string, string> ForwardedVariables()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_RESOURCE_ATTRIBUTES" })
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                variables[name] = value;
            }
        }

        return variables;
    }
}
