using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Checks;

/// <summary>
/// Every reference resolves in its module: var., local., module. (and the module's output), data., resource
/// addresses, each. only under for_each and count. only under count; every input a module call passes is a variable
/// of that module, and every variable without a default is passed.
/// </summary>
public static partial class ReferenceChecker
{
    private static readonly HashSet<string> CallMeta = ["source", "version", "count", "for_each", "providers", "depends_on"];

    [GeneratedRegex("""(?<![\w.\-])(?<root>var|local|module|data|each|count|path|terraform)\.(?<a>[A-Za-z_][\w-]*)(?:\[[^\]]*\])?(?:\.(?<b>[A-Za-z_][\w-]*))?""")]
    private static partial Regex Named();

    [GeneratedRegex("""(?<![\w.\-"/:])(?<type>aws_[a-z0-9_]+)\.(?<name>[A-Za-z_][\w-]*)""")]
    private static partial Regex ResourceAddress();

    public static IReadOnlyList<string> Check(TerraformTree tree)
    {
        var problems = new List<string>();
        foreach (var module in tree.Modules.Values)
        {
            var variables = module.OfKind("variable").Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
            var calls = module.OfKind("module").ToDictionary(b => b.Name, b => b, StringComparer.Ordinal);
            var addresses = module.Blocks.Where(b => b.Kind is "resource" or "data").Select(b => b.Address).ToHashSet(StringComparer.Ordinal);

            void CheckExpressions(string where, JsonNode? node, bool hasEach, bool hasCount)
            {
                foreach (var text in JsonValues.Strings(node).Where(s => s.Contains("${", StringComparison.Ordinal)))
                {
                    foreach (Match m in Named().Matches(text))
                    {
                        var a = m.Groups["a"].Value;
                        var b = m.Groups["b"].Value;
                        var problem = m.Groups["root"].Value switch
                        {
                            "var" when !variables.Contains(a) => $"var.{a} is not declared",
                            "local" when !module.Locals.ContainsKey(a) => $"local.{a} is not defined",
                            "module" when !calls.ContainsKey(a) => $"module.{a} is not called",
                            "module" when b.Length > 0 && OutputsOf(tree, module, calls[a]) is { } outputs && !outputs.Contains(b) =>
                                $"module.{a} has no output {b}",
                            "data" when !addresses.Contains($"data.{a}.{b}") => $"data.{a}.{b} is not declared",
                            "each" when !hasEach => "each. is used without for_each",
                            "count" when !hasCount => "count. is used without count",
                            "path" when a is not ("module" or "root" or "cwd") => $"path.{a} does not exist",
                            _ => null,
                        };
                        if (problem is not null)
                        {
                            problems.Add($"{where}: {problem}");
                        }
                    }

                    foreach (Match m in ResourceAddress().Matches(text))
                    {
                        var address = $"{m.Groups["type"].Value}.{m.Groups["name"].Value}";
                        if (!addresses.Contains(address))
                        {
                            problems.Add($"{where}: {address} is not declared");
                        }
                    }
                }
            }

            foreach (var block in module.Blocks)
            {
                CheckExpressions(block.Where, block.Body, block.Body.ContainsKey("for_each"), block.Body.ContainsKey("count"));
            }

            foreach (var (name, expression) in module.Locals)
            {
                CheckExpressions($"{module.Folder}: local.{name}", expression, hasEach: false, hasCount: false);
            }

            foreach (var call in calls.Values)
            {
                var source = JsonValues.AsString(call.Body["source"]) ?? "";
                var target = tree.Resolve(module, source);
                if (target is null)
                {
                    problems.Add($"{call.Where}: source \"{source}\" is not a module in this tree");
                    continue;
                }

                var declared = target.OfKind("variable").ToDictionary(v => v.Name, v => v, StringComparer.Ordinal);
                foreach (var (input, _) in call.Body.Where(p => !CallMeta.Contains(p.Key)))
                {
                    if (!declared.ContainsKey(input))
                    {
                        problems.Add($"{call.Where}: passes \"{input}\", which {target.Folder} does not declare");
                    }
                }

                foreach (var variable in declared.Values.Where(v => !v.Body.ContainsKey("default") && !call.Body.ContainsKey(v.Name)))
                {
                    problems.Add($"{call.Where}: the required input \"{variable.Name}\" of {target.Folder} is not passed");
                }
            }
        }

        return problems;
    }

    private static HashSet<string>? OutputsOf(TerraformTree tree, TerraformModule caller, TerraformBlock call) =>
        tree.Resolve(caller, JsonValues.AsString(call.Body["source"]) ?? "") is { } target
            ? target.OfKind("output").Select(o => o.Name).ToHashSet(StringComparer.Ordinal)
            : null;
}
