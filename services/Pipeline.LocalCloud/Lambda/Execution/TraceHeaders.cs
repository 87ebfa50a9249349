using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

using Pipeline.ServiceDefaults.Tracing;

namespace Pipeline.LocalCloud.Lambda.Execution;

/// <summary>X-Ray trace headers for <c>Lambda-Runtime-Trace-Id</c>: <c>Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1</c>.</summary>
internal static class TraceHeaders
{
    /// <summary>
    /// The caller's <c>X-Amzn-Trace-Id</c> when it carries a root (Lambda continues it), with a new parent for this
    /// hop; else the span LocalCloud is in (the Invoke request's, or the Firehose delivery, event-source poll or
    /// EventBridge delivery that invokes), so the function's span is its child; otherwise a new trace.
    /// </summary>
    public static string For(string? incoming, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(incoming) && Activity.Current is { } current)
        {
            return XRayTraceHeader.Format(current.Context);
        }

        string? root = null;
        var sampled = "1";
        if (!string.IsNullOrWhiteSpace(incoming))
        {
            foreach (var part in incoming.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.StartsWith("Root=1-", StringComparison.Ordinal) && part.Length <= 64)
                {
                    root = part[5..];
                }
                else if (part is "Sampled=0" or "Sampled=1")
                {
                    sampled = part[8..];
                }
            }
        }

        root ??= NewRoot(time);
        return $"Root={root};Parent={Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))};Sampled={sampled}";
    }

    private static string NewRoot(TimeProvider time) =>
        string.Create(CultureInfo.InvariantCulture, $"1-{time.GetUtcNow().ToUnixTimeSeconds():x8}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}");
}
