using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.TerraformTests.Support;

/// <summary>Small helpers over hcl2json's output, where expressions are strings like "${var.x}".</summary>
public static class JsonValues
{
    /// <summary>Every string anywhere inside a node.</summary>
    public static IEnumerable<string> Strings(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    foreach (var s in Strings(child))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var s in Strings(child))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                yield return value.GetValue<string>();
                break;
        }
    }

    /// <summary>A literal string, or null when the node is something else.</summary>
    public static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>True for a literal true (HCL true, or the expression "${true}").</summary>
    public static bool IsTrue(JsonNode? node) =>
        (node is JsonValue value && value.GetValueKind() == JsonValueKind.True) || AsString(node) == "${true}";

    /// <summary>The first element of a block list (hcl2json writes every block as a list of bodies).</summary>
    public static JsonObject? Block(JsonObject body, string name) =>
        body[name] is JsonArray { Count: > 0 } array ? array[0] as JsonObject : null;

    /// <summary>The elements of a literal list of strings, or null when the node is an expression.</summary>
    public static IReadOnlyList<string>? StringList(JsonNode? node) =>
        node is JsonArray array && array.All(e => AsString(e) is not null) ? [.. array.Select(e => AsString(e)!)] : null;
}
