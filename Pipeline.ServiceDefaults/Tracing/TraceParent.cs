using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Pipeline.ServiceDefaults.Tracing;

/// <summary>
/// The W3C <c>traceparent</c> value (<c>00-&lt;trace-id&gt;-&lt;span-id&gt;-&lt;flags&gt;</c>), which carries a trace
/// through hops that have no headers: Firehose records, S3 objects, Glue job arguments.
/// </summary>
public static class TraceParent
{
    /// <summary>The name of the field (and job argument) that carries the value.</summary>
    public const string FieldName = "traceparent";

    public static string Format(ActivityContext context) =>
        $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{(context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? "01" : "00")}";

    /// <summary>The current activity's traceparent, or null when nothing is being traced.</summary>
    public static string? FromCurrent() => Activity.Current is { } activity ? Format(activity.Context) : null;

    public static bool TryParse([NotNullWhen(true)] string? value, out ActivityContext context)
    {
        context = default;
        if (string.IsNullOrEmpty(value) || value.Length != 55)
        {
            return false;
        }

        return ActivityContext.TryParse(value, traceState: null, isRemote: true, out context)
            && context.TraceId != default
            && context.SpanId != default;
    }
}
