using System.Text.Json.Serialization;

namespace Pipeline.EtlJobRunner.Running;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RunnerOutcome))]
public sealed partial class RunnerJsonContext : JsonSerializerContext;
