using System.Text.Json.Serialization;

namespace Pipeline.Generator.Reporting;

/// <summary>Source-generated JSON for the run report: snake_case, indented, for people and scripts alike.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true)]
[JsonSerializable(typeof(RunReport))]
public sealed partial class ReportJsonContext : JsonSerializerContext;
