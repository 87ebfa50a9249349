using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Pipeline.FirehoseTransformer;

internal static class TransformerTelemetry
{
    public const string Name = "Pipeline.FirehoseTransformer";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Records answered, tagged with their result.</summary>
    public static readonly Counter<long> Records = Meter.CreateCounter<long>("pipeline.transformer.records", unit: "{record}");
}
