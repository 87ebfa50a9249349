using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Pipeline.LambdaRuntime;

/// <summary>The runtime's spans: one Server span per invocation (named after the function) and one for initialisation.</summary>
public static class LambdaRuntimeTelemetry
{
    /// <summary>The ActivitySource name, covered by the pipeline's <c>Pipeline.*</c> subscription.</summary>
    public const string SourceName = "Pipeline.LambdaRuntime";

    internal const string InvocationIdAttribute = "faas.invocation_id";
    internal const string TriggerAttribute = "faas.trigger";
    internal const string ColdStartAttribute = "faas.coldstart";
    internal const string ResourceIdAttribute = "cloud.resource_id";
    internal const string ProviderAttribute = "cloud.provider";

    /// <summary>Lambda's X-Ray header is not W3C, so it cannot parent the span; it is kept for correlation.</summary>
    internal const string XRayTraceHeaderAttribute = "aws.xray.trace_header";
    internal const string ErrorTypeAttribute = "error.type";

    internal static ActivitySource Source { get; } = new(SourceName);

    private static readonly Meter Meter = new(SourceName);

    /// <summary>OpenTelemetry's FaaS metric: how long each invocation's handler ran, tagged with its trigger and error.</summary>
    internal static Histogram<double> InvokeDuration { get; } = Meter.CreateHistogram<double>("faas.invoke_duration", "s");

    internal static string ToAttributeValue(FaasTrigger trigger) => trigger switch
    {
        FaasTrigger.Datasource => "datasource",
        FaasTrigger.Http => "http",
        FaasTrigger.PubSub => "pubsub",
        FaasTrigger.Timer => "timer",
        _ => "other",
    };
}
