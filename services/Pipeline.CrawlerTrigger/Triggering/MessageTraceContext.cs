using System.Diagnostics;
using System.Globalization;
using Pipeline.Contracts.Aws.Sqs;
using Pipeline.ServiceDefaults.Tracing;

namespace Pipeline.CrawlerTrigger.Triggering;

/// <summary>
/// The trace an SQS message belongs to: a W3C <c>traceparent</c> message attribute when the sender set one, else the
/// <c>AWSTraceHeader</c> system attribute SQS adds for traced senders (X-Ray format, convertible to W3C).
/// </summary>
public static class MessageTraceContext
{
    public const string AwsTraceHeader = "AWSTraceHeader";

    public static bool TryGet(SqsMessage message, out ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.MessageAttributes is { } attributes
            && attributes.TryGetValue(TraceParent.FieldName, out var attribute)
            && TraceParent.TryParse(attribute.StringValue, out context))
        {
            return true;
        }

        if (message.Attributes is { } system && system.TryGetValue(AwsTraceHeader, out var header))
        {
            return TryParseXRay(header, out context);
        }

        context = default;
        return false;
    }

    /// <summary>
    /// <c>Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1</c>: the root's epoch and random
    /// parts together are the 32-hex-digit trace id, Parent the span id.
    /// </summary>
    public static bool TryParseXRay(string? header, out ActivityContext context)
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
