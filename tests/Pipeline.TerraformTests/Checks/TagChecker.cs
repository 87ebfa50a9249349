using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Checks;

/// <summary>
/// A module's <c>tags</c> input reaches every resource it creates that can be tagged: each such resource sets
/// <c>tags</c> from <c>var.tags</c>, or from a local that merges <c>var.tags</c> (a module adds its Component); and a
/// module that has a <c>tags</c> input passes its tags on to every module it calls that has one. The environment is
/// not a module: the provider's default tags carry its tags.
/// </summary>
public static class TagChecker
{
    public static IReadOnlyList<string> Check(TerraformTree tree, ProviderSchema schema)
    {
        var problems = new List<string>();
        foreach (var module in tree.Modules.Values.Where(m => m.OfKind("variable").Any(v => v.Name == "tags") && !m.Folder.StartsWith("environments/", StringComparison.Ordinal)))
        {
            var carriers = module.Locals
                .Where(l => JsonValues.Strings(l.Value).Any(s => s.Contains("var.tags", StringComparison.Ordinal)))
                .Select(l => $"local.{l.Key}")
                .Append("var.tags")
                .ToList();

            bool CarriesTags(string? expression) =>
                expression is not null && carriers.Any(c => expression.Contains(c, StringComparison.Ordinal));

            foreach (var resource in module.Blocks.Where(b => b.Kind == "resource" && schema.Resource(b.Type)?["tags"] is not null))
            {
                if (!CarriesTags(JsonValues.AsString(resource.Body["tags"])))
                {
                    problems.Add($"{resource.Where}: can be tagged, but its tags do not carry the module's tags input ({string.Join(" or ", carriers)})");
                }
            }

            foreach (var call in module.OfKind("module"))
            {
                var target = tree.Resolve(module, JsonValues.AsString(call.Body["source"]) ?? "");
                if (target is not null && target.OfKind("variable").Any(v => v.Name == "tags") && !CarriesTags(JsonValues.AsString(call.Body["tags"])))
                {
                    problems.Add($"{call.Where}: does not pass the module's tags on to {target.Folder}");
                }
            }
        }

        return problems;
    }
}
