using System.Text.Json.Nodes;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Checks;

/// <summary>
/// What <c>terraform validate</c> would say against the provider schema: every resource and data source type
/// exists, every argument and nested block is one the type has, every required one is there.
/// </summary>
public static class SchemaChecker
{
    private static readonly HashSet<string> ResourceMeta = ["count", "for_each", "provider", "depends_on", "lifecycle", "provisioner", "connection"];

    public static IReadOnlyList<string> Check(TerraformTree tree, ProviderSchema schema)
    {
        var problems = new List<string>();
        foreach (var module in tree.Modules.Values)
        {
            foreach (var block in module.Blocks.Where(b => b.Kind is "resource" or "data"))
            {
                var typeSchema = block.Kind == "resource" ? schema.Resource(block.Type) : schema.DataSource(block.Type);
                if (typeSchema is null)
                {
                    problems.Add($"{block.Where}: the provider has no {block.Kind} type {block.Type}");
                    continue;
                }

                CheckBody(block.Where, block.Body, typeSchema, topLevel: true, problems);
            }
        }

        return problems;
    }

    private static void CheckBody(string where, JsonObject body, JsonObject schema, bool topLevel, List<string> problems)
    {
        var dynamicBlocks = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in body)
        {
            if (topLevel && ResourceMeta.Contains(name))
            {
                continue;
            }

            if (name == "dynamic")
            {
                foreach (var (blockName, generators) in value!.AsObject())
                {
                    dynamicBlocks.Add(blockName);
                    if (schema[blockName]?["block"] is not JsonObject nested)
                    {
                        problems.Add($"{where}: dynamic \"{blockName}\" is not a nested block of this type");
                        continue;
                    }

                    foreach (var generator in generators!.AsArray())
                    {
                        if (JsonValues.Block(generator!.AsObject(), "content") is { } content)
                        {
                            CheckBody($"{where}.{blockName}", content, nested, topLevel: false, problems);
                        }
                        else
                        {
                            problems.Add($"{where}: dynamic \"{blockName}\" has no content block");
                        }
                    }
                }

                continue;
            }

            var entry = schema[name];
            if (entry is null)
            {
                problems.Add($"{where}: unsupported argument or block \"{name}\"");
                continue;
            }

            if (entry["block"] is JsonObject blockSchema)
            {
                if (value is not JsonArray bodies)
                {
                    problems.Add($"{where}: \"{name}\" is a block, not an argument");
                    continue;
                }

                if (entry["nesting"]?.GetValue<string>() == "single" && bodies.Count > 1)
                {
                    problems.Add($"{where}: at most one \"{name}\" block is allowed");
                }

                foreach (var nestedBody in bodies.OfType<JsonObject>())
                {
                    CheckBody($"{where}.{name}", nestedBody, blockSchema, topLevel: false, problems);
                }
            }
        }

        foreach (var (name, entry) in schema)
        {
            if (entry?["required"]?.GetValue<bool>() == true && !body.ContainsKey(name) && !dynamicBlocks.Contains(name))
            {
                problems.Add($"{where}: the required {(entry["block"] is null ? "argument" : "block")} \"{name}\" is missing");
            }
        }
    }
}
