using System.Text.Json.Nodes;

namespace Pipeline.TerraformTests.Checks;

/// <summary>
/// A function's services/&lt;project&gt;/aws-actions.json: the AWS actions its code calls, and those AWS needs on its
/// role for the event source (runtime_actions).
/// </summary>
public sealed record FunctionActions(IReadOnlySet<string> Actions, IReadOnlySet<string> RuntimeActions)
{
    public IReadOnlySet<string> All => Actions.Union(RuntimeActions).ToHashSet(StringComparer.Ordinal);

    public static FunctionActions Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        return new FunctionActions(Read(root, "actions", path), Read(root, "runtime_actions", path));
    }

    private static HashSet<string> Read(JsonObject root, string name, string path) =>
        root[name] is JsonArray array
            ? array.Select(a => a!.GetValue<string>()).ToHashSet(StringComparer.Ordinal)
            : throw new InvalidDataException($"{path}: \"{name}\" must be a list of actions");
}
