using System.Diagnostics;
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
            return XRayTraceHeader.TryParse(header, out context);
        }

        context = default;
        return false;
    }
}
