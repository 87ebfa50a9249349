using System.CommandLine;
using Pipeline.Generator.Cli;
using Pipeline.ServiceDefaults.Telemetry;

namespace Pipeline.Generator;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // The providers listen to Pipeline.*, so every batch gets a recorded span (and its records a traceparent),
        // exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.
        using var telemetry = TelemetryProviders.Start(TelemetryOptions.FromEnvironment("pipeline-generator"));
        return await GeneratorCommand.Create().Parse(args).InvokeAsync();
    }
}
