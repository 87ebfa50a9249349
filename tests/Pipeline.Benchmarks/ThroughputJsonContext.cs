using System.Text.Json.Serialization;

namespace Pipeline.Benchmarks;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ThroughputFigure[]))]
internal sealed partial class ThroughputJsonContext : JsonSerializerContext;
