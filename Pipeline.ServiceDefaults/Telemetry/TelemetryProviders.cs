using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Pipeline.ServiceDefaults.Telemetry;

/// <summary>
/// The tracer, meter and logger providers of a program that has no generic host (Lambda functions, command-line
/// tools). Dispose it, or call <see cref="Flush"/> before a Lambda freezes the process, so no span is lost.
/// </summary>
public sealed class TelemetryProviders : IDisposable
{
    private readonly TracerProvider _tracer;
    private readonly MeterProvider _meter;

    private TelemetryProviders(TracerProvider tracer, MeterProvider meter, ILoggerFactory loggers)
    {
        _tracer = tracer;
        _meter = meter;
        LoggerFactory = loggers;
    }

    public ILoggerFactory LoggerFactory { get; }

    public static TelemetryProviders Start(TelemetryOptions options, Action<ILoggingBuilder>? configureLogging = null)
    {
        var tracer = Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(r => ConfigureResource(r, options))
            .AddSource(PipelineTelemetry.SourceWildcard);
        var meter = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(r => ConfigureResource(r, options))
            .AddMeter(PipelineTelemetry.SourceWildcard);
        if (options.OtlpEndpoint is not null)
        {
            tracer.AddOtlpExporter();
            meter.AddOtlpExporter();
        }

        var loggers = Microsoft.Extensions.Logging.LoggerFactory.Create(logging =>
        {
            configureLogging?.Invoke(logging);
            logging.AddOpenTelemetry(o => ConfigureLogging(o, options));
        });

        return new TelemetryProviders(tracer.Build(), meter.Build(), loggers);
    }

    internal static void ConfigureResource(ResourceBuilder resource, TelemetryOptions options) =>
        resource
            .AddService(options.ServiceName, serviceVersion: options.ServiceVersion, serviceInstanceId: Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .AddTelemetrySdk()
            .AddEnvironmentVariableDetector();

    internal static void ConfigureLogging(OpenTelemetryLoggerOptions logging, TelemetryOptions options)
    {
        logging.IncludeFormattedMessage = true;
        logging.IncludeScopes = true;
        logging.SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(options.ServiceName));
        if (options.OtlpEndpoint is not null)
        {
            logging.AddOtlpExporter();
        }
    }

    /// <summary>Exports everything buffered; a Lambda calls this before it answers an invocation.</summary>
    public void Flush(int timeoutMilliseconds = 2000)
    {
        _tracer.ForceFlush(timeoutMilliseconds);
        _meter.ForceFlush(timeoutMilliseconds);
    }

    public void Dispose()
    {
        LoggerFactory.Dispose();
        _tracer.Dispose();
        _meter.Dispose();
    }
}
