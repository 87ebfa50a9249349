using System.Diagnostics;
using System.Globalization;

namespace Pipeline.ServiceDefaults.Tracing;

/// <summary>
/// AWS's own trace header (X-Ray format): <c>Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1</c>,
/// as Lambda passes it to a function (<c>Lambda-Runtime-Trace-Id</c>, <c>_X_AMZN_TRACE_ID</c>) and SQS carries it
/// (the <c>AWSTraceHeader</c> system attribute). The root's epoch and random parts together are the W3C trace id,
/// Parent the span id, so the same trace continues on AWS under X-Ray or an OpenTelemetry collector.
/// </summary>
public static class XRayTraceHeader
{
    /// <summary>The header as the <paramref name="context"/>'s trace and span ids give it.</summary>
    public static string Format(ActivityContext context)
    {
        var trace = context.TraceId.ToHexString();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Root=1-{trace[..8]}-{trace[8..]};Parent={context.SpanId.ToHexString()};Sampled={(context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? "1" : "0")}");
    }

    /// <summary>The current activity's header, or null when nothing is being traced.</summary>
    public static string? FromCurrent() => Activity.Current is { } activity ? Format(activity.Context) : null;

    /// <summary>Reads a header with a root and a parent; false for anything else (a root alone names no span).</summary>
    public static bool TryParse(string? header, out ActivityContext context)
    {
        context = default;
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        string? root = null, parent = null, sampled = null;
        foreach (var part in header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var value = part[(equals + 1)..];
            switch (part[..equals])
            {
                case "Root": root = value; break;
                case "Parent": parent = value; break;
                case "Sampled": sampled = value; break;
            }
        }

        var pieces = root?.Split('-');
        if (pieces is not ["1", { Length: 8 } epoch, { Length: 24 } random] || parent is not { Length: 16 })
        {
            return false;
        }

        var flags = sampled == "1" ? "01" : "00";
        return TraceParent.TryParse(
            string.Create(CultureInfo.InvariantCulture, $"00-{epoch}{random}-{parent}-{flags}").ToLowerInvariant(),
            out context);
    }
}
