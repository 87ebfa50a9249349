using Microsoft.Extensions.Logging;
using Pipeline.ServiceDefaults.Telemetry;

namespace Pipeline.UnitTests.ServiceDefaults;

/// <summary>OTLP export is switched on by OTEL_EXPORTER_OTLP_ENDPOINT, and OTEL_SERVICE_NAME overrides the name.</summary>
public sealed class TelemetryOptionsTests
{
    [Fact]
    public void Without_an_endpoint_nothing_is_exported()
    {
        var options = TelemetryOptions.FromEnvironment("generator", _ => null);

        Assert.Equal("generator", options.ServiceName);
        Assert.Null(options.OtlpEndpoint);
    }

    [Fact]
    public void The_standard_variables_turn_export_on_and_name_the_service()
    {
        var variables = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317",
            ["OTEL_SERVICE_NAME"] = "pipeline-generator-clickstream",
        };

        var options = TelemetryOptions.FromEnvironment("generator", variables.GetValueOrDefault);

        Assert.Equal(new Uri("http://127.0.0.1:4317"), options.OtlpEndpoint);
        Assert.Equal("pipeline-generator-clickstream", options.ServiceName);
    }

    [Fact]
    public void Providers_start_and_flush_without_an_endpoint()
    {
        using var providers = TelemetryProviders.Start(TelemetryOptions.FromEnvironment("test", _ => null));

        providers.Flush(100);

        Assert.NotNull(providers.LoggerFactory.CreateLogger("test"));
    }
}
