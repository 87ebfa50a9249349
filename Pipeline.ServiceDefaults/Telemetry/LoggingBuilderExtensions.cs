using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;

namespace Pipeline.ServiceDefaults.Telemetry;

internal static class LoggingBuilderExtensions
{
    public static ILoggingBuilder AddOpenTelemetryLogging(this ILoggingBuilder logging, TelemetryOptions options) =>
        logging.AddOpenTelemetry(o => TelemetryProviders.ConfigureLogging(o, options));
}
