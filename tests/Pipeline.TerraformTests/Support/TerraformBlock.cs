using System.Text.Json.Nodes;

namespace Pipeline.TerraformTests.Support;

/// <summary>
/// A top-level block: kind (resource, data, module, variable, output), type (resource and data only), name, body.
/// </summary>
public sealed record TerraformBlock(string File, string Kind, string Type, string Name, JsonObject Body)
{
    public string Address => Kind switch
    {
        "resource" => $"{Type}.{Name}",
        "data" => $"data.{Type}.{Name}",
        _ => $"{Kind}.{Name}",
    };

    public string Where => $"{File}: {Address}";
}
