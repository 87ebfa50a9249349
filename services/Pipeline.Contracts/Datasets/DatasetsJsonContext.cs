using System.Text.Json.Serialization;

namespace Pipeline.Contracts.Datasets;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(DatasetsDocument))]
internal sealed partial class DatasetsJsonContext : JsonSerializerContext;
