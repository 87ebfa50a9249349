using System.Text.Json.Nodes;

namespace Pipeline.TerraformTests.Checks;

/// <summary>
/// The hashicorp/aws provider schema (see <see cref="Support.AwsProviderSchema"/>): per resource and data source type, its
/// arguments (with "required") and nested blocks (with "block", "nesting", "required").
/// </summary>
public sealed class ProviderSchema(JsonObject root)
{
    public string Version { get; } = root["version"]!.GetValue<string>();

    public JsonObject? Resource(string type) => root["resources"]?[type]?.AsObject();

    public JsonObject? DataSource(string type) => root["data_sources"]?[type]?.AsObject();
}
