using System.Text.RegularExpressions;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Checks;

/// <summary>
/// Each function's role allows exactly the AWS actions its code calls: the literal policy_statements passed to the
/// lambda-function module equal actions ∪ runtime_actions of the function's aws-actions.json, both ways. The module
/// itself may add only what it derives from its own inputs: its log group's write actions, the dead-letter send and
/// the data-key use.
/// </summary>
public static partial class LeastPrivilegeChecker
{
    private static readonly HashSet<string> ModuleOwnActions = ["logs:CreateLogStream", "logs:PutLogEvents"];

    [GeneratedRegex("""\}-(?<function>[a-z0-9-]+)$""")]
    private static partial Regex FunctionSuffix();

    /// <param name="projects">Function name suffix (after the name prefix) → the service project holding its code.</param>
    /// <param name="actionsOf">Reads a project's aws-actions.json.</param>
    public static IReadOnlyList<string> Check(
        TerraformTree tree, IReadOnlyDictionary<string, string> projects, Func<string, FunctionActions> actionsOf)
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var module in tree.Modules.Values)
        {
            foreach (var call in module.OfKind("module").Where(c => JsonValues.AsString(c.Body["source"])?.EndsWith("/lambda-function", StringComparison.Ordinal) == true))
            {
                var name = JsonValues.AsString(call.Body["name"]) ?? "";
                var suffix = FunctionSuffix().Match(name);
                if (!suffix.Success || !projects.TryGetValue(suffix.Groups["function"].Value, out var project))
                {
                    problems.Add($"{call.Where}: the function \"{name}\" is not one of {string.Join(", ", projects.Keys)}");
                    continue;
                }

                var function = suffix.Groups["function"].Value;
                if (!seen.Add(function))
                {
                    problems.Add($"{call.Where}: {function} is deployed twice");
                }

                var expected = actionsOf(project).All;
                var granted = new HashSet<string>(StringComparer.Ordinal);
                if (call.Body["policy_statements"] is not System.Text.Json.Nodes.JsonArray statements)
                {
                    problems.Add($"{call.Where}: policy_statements must be a literal list, so its actions can be checked");
                    continue;
                }

                foreach (var statement in statements.OfType<System.Text.Json.Nodes.JsonObject>())
                {
                    if (JsonValues.StringList(statement["actions"]) is { } actions)
                    {
                        granted.UnionWith(actions);
                    }
                    else
                    {
                        problems.Add($"{call.Where}: a statement's actions must be a literal list");
                    }
                }

                foreach (var extra in granted.Except(expected).Order(StringComparer.Ordinal))
                {
                    problems.Add($"{call.Where}: allows {extra}, which services/{project}/aws-actions.json does not list");
                }

                foreach (var missing in expected.Except(granted).Order(StringComparer.Ordinal))
                {
                    problems.Add($"{call.Where}: does not allow {missing}, which services/{project}/aws-actions.json lists");
                }
            }

            if (module.Folder.EndsWith("lambda-function", StringComparison.Ordinal))
            {
                CheckModuleOwnStatements(module, problems);
            }
        }

        foreach (var missing in projects.Keys.Except(seen).Order(StringComparer.Ordinal))
        {
            problems.Add($"no lambda-function module deploys {missing}");
        }

        return problems;
    }

    private static void CheckModuleOwnStatements(TerraformModule module, List<string> problems)
    {
        foreach (var document in module.Blocks.Where(b => b.Kind == "data" && b.Type == "aws_iam_policy_document" && b.Name != "assume"))
        {
            if (document.Body["statement"] is System.Text.Json.Nodes.JsonArray statements)
            {
                foreach (var statement in statements.OfType<System.Text.Json.Nodes.JsonObject>())
                {
                    var actions = JsonValues.StringList(statement["actions"]) ?? [];
                    foreach (var action in actions.Where(a => !ModuleOwnActions.Contains(a)))
                    {
                        problems.Add($"{document.Where}: the module grants {action} to every function");
                    }
                }
            }

            if (document.Body["dynamic"]?["statement"] is System.Text.Json.Nodes.JsonArray generators)
            {
                foreach (var generator in generators.OfType<System.Text.Json.Nodes.JsonObject>())
                {
                    var content = JsonValues.Block(generator, "content");
                    var forEach = JsonValues.AsString(generator["for_each"]) ?? "";
                    var actions = content?["actions"];
                    var fromInput = forEach.Contains("var.policy_statements", StringComparison.Ordinal)
                        || forEach.Contains("var.dead_letter_target_arn", StringComparison.Ordinal)
                        || forEach.Contains("local.dead_letter_action", StringComparison.Ordinal)
                        || (forEach.Contains("var.data_kms_key_arns", StringComparison.Ordinal)
                            && JsonValues.StringList(actions)?.All(a => a is "kms:Decrypt" or "kms:GenerateDataKey") == true);
                    if (!fromInput)
                    {
                        problems.Add($"{document.Where}: a generated statement ({forEach}) that no input of the caller decides");
                    }
                }
            }
        }
    }
}
